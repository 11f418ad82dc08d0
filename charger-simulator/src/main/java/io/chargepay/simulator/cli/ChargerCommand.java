package io.chargepay.simulator.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.chargepay.simulator.charger.ChargePoint;
import io.chargepay.simulator.charger.ChargerSettings;
import io.chargepay.simulator.ocpp.ConsoleExchangeLog;
import io.chargepay.simulator.transport.SharedRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code charger}: one charger you can watch and drive from the keyboard. */
@Command(name = "charger", mixinStandardHelpOptions = true,
		description = { "Run one charger that you can watch and drive from the keyboard.",
				"It boots, heartbeats, reports status and runs transactions on RemoteStart/RemoteStop, on RFID taps "
						+ "('tap TAG') and cable events ('unplug 1') typed on standard input; type 'help' once it runs." })
public final class ChargerCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectionOptions connection;

	@Option(names = "--id", defaultValue = "CHARGER-001", description = "Charge point id (default: ${DEFAULT-VALUE})")
	String id;

	@Option(names = "--password", description = "AuthorizationKey for HTTP Basic (security profile 1), 16-40 chars")
	String password;

	@Option(names = "--connectors", defaultValue = "1", description = "Number of connectors (default: ${DEFAULT-VALUE})")
	int connectors;

	@Option(names = "--power-kw", defaultValue = "11",
			description = "Charging power while a transaction runs (default: ${DEFAULT-VALUE})")
	double powerKw;

	@Option(names = "--meter-interval", defaultValue = "10s", converter = DurationConverter.class,
			description = "MeterValues interval during transactions (default: ${DEFAULT-VALUE})")
	Duration meterInterval;

	@Option(names = "--heartbeat-interval", converter = DurationConverter.class,
			description = "Override the heartbeat interval the CSMS returns in BootNotification")
	Duration heartbeatInterval;

	@Option(names = "--tap", paramLabel = "TAG", description = "Tap this RFID tag once, --after the start")
	String tap;

	@Option(names = "--after", defaultValue = "5s", converter = DurationConverter.class,
			description = "When to --tap, counted from the start (default: ${DEFAULT-VALUE})")
	Duration after;

	@Option(names = "--unplug-after", converter = DurationConverter.class,
			description = "Unplug connector 1 this long after the start, ending its transaction")
	Duration unplugAfter;

	@Option(names = "--duration", converter = DurationConverter.class,
			description = "Stop after this long (default: run until 'quit', or Ctrl-C)")
	Duration duration;

	@Override
	public Integer call() throws Exception {
		ChargerSettings settings = ChargerSettings.of(connection.url(), id, password).withConnectors(connectors)
				.withPowerKw(powerKw).withMeterInterval(meterInterval).withHeartbeatInterval(heartbeatInterval)
				.withCallTimeout(connection.callTimeout());
		try (SharedRuntime runtime = new SharedRuntime(connection.tls(), connection.connectTimeout())) {
			ChargePoint charger = new ChargePoint(settings, runtime.newLane(), runtime.httpClient(),
					new ConsoleExchangeLog(out(), Clock.systemDefaultZone(), false), Clock.systemUTC());
			out().println("charger " + id + " → " + connection.url() + " (type 'help' for commands)");
			charger.start();
			scheduleScriptedEvents(charger);
			CompletableFuture<Void> finished = new CompletableFuture<>();
			Thread keyboard = new Thread(() -> readKeyboard(charger, finished), "keyboard");
			keyboard.setDaemon(true);
			keyboard.start();
			// Ctrl-C: close the connection cleanly; the JVM does not wait for the main thread once hooks are done.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(charger)));
			if (duration != null) {
				finished.completeOnTimeout(null, duration.toMillis(), TimeUnit.MILLISECONDS);
			}
			finished.join();
			charger.shutdown().get(5, TimeUnit.SECONDS);
		}
		return 0;
	}

	private PrintWriter out() {
		return spec.commandLine().getOut();
	}

	private static void stopQuietly(ChargePoint charger) {
		try {
			charger.shutdown().get(3, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			// Leaving anyway: there is nobody left to tell.
		}
	}

	private void scheduleScriptedEvents(ChargePoint charger) {
		if (tap != null) {
			CompletableFuture.delayedExecutor(after.toMillis(), TimeUnit.MILLISECONDS).execute(() -> charger.tap(tap));
		}
		if (unplugAfter != null) {
			CompletableFuture.delayedExecutor(unplugAfter.toMillis(), TimeUnit.MILLISECONDS)
					.execute(() -> charger.unplug(1));
		}
	}

	/** At the end of input (say, stdin is /dev/null) the charger keeps running until --duration or Ctrl-C. */
	private void readKeyboard(ChargePoint charger, CompletableFuture<Void> finished) {
		KeyboardCommands commands = new KeyboardCommands(charger, out(), connection.callTimeout().toSeconds() + 5);
		try {
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			if (commands.readFrom(in)) {
				finished.complete(null);
			}
		}
		catch (java.io.IOException e) {
			System.err.println("keyboard input ended: " + e.getMessage());
		}
	}
}
