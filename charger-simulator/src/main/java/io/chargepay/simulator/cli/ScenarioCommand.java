package io.chargepay.simulator.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.chargepay.simulator.charger.ChargePoint;
import io.chargepay.simulator.charger.ChargerSettings;
import io.chargepay.simulator.ocpp.ConsoleExchangeLog;
import io.chargepay.simulator.ocpp.ExchangeObserver;
import io.chargepay.simulator.scenario.LastSentPayloads;
import io.chargepay.simulator.scenario.Scenario;
import io.chargepay.simulator.scenario.ScenarioCharger;
import io.chargepay.simulator.scenario.ScenarioLoader;
import io.chargepay.simulator.scenario.ScenarioReport;
import io.chargepay.simulator.scenario.ScenarioRunner;
import io.chargepay.simulator.transport.SharedRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scenario}: a scripted run with expectations; exit status 0 only when every one held. */
@Command(name = "scenario", mixinStandardHelpOptions = true,
		description = { "Run a scripted scenario and check its expectations.",
				"SCENARIO is a built-in (full-session, rfid-session, offline-replay, duplicate-stop, reboot, "
						+ "remote-session) or a YAML/JSON file. Prints PASS or FAIL per expectation; exits 0 only when "
						+ "all of them passed." })
public final class ScenarioCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectionOptions connection;

	@Parameters(arity = "0..1", paramLabel = "SCENARIO", description = "A built-in name or a .yaml/.yml/.json file")
	String scenario;

	@Option(names = "--list", description = "List the built-in scenarios and exit")
	boolean list;

	@Option(names = "--id", defaultValue = "CHARGER-001", description = "Charge point id (default: ${DEFAULT-VALUE})")
	String id;

	@Option(names = "--password", description = "AuthorizationKey for HTTP Basic (security profile 1)")
	String password;

	@Option(names = "--id-tag", defaultValue = "TAG-USER-123",
			description = "Replaces ${idTag} in the scenario (default: ${DEFAULT-VALUE})")
	String idTag;

	@Option(names = "--connectors", description = "Override the scenario's number of connectors")
	Integer connectors;

	@Option(names = "--power-kw", description = "Override the scenario's charging power")
	Double powerKw;

	@Option(names = "--meter-interval", converter = DurationConverter.class,
			description = "Override the scenario's MeterValues interval")
	Duration meterInterval;

	@Option(names = "--quiet", description = "Only print steps and verdicts, not every OCPP message")
	boolean quiet;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = spec.commandLine().getOut();
		if (list || scenario == null) {
			out.println("built-in scenarios: " + String.join(", ", ScenarioLoader.BUILT_INS));
			return list ? 0 : 2;
		}
		Scenario script = ScenarioLoader.load(scenario, Map.of("idTag", idTag, "chargerId", id));
		ChargerSettings settings = settingsFor(script.charger());
		LastSentPayloads sent = new LastSentPayloads();
		List<ExchangeObserver> observers = new ArrayList<>(List.of(sent));
		if (!quiet) {
			observers.add(new ConsoleExchangeLog(out, Clock.systemDefaultZone(), false));
		}
		try (SharedRuntime runtime = new SharedRuntime(connection.tls(), connection.connectTimeout())) {
			ChargePoint charger = new ChargePoint(settings, runtime.newLane(), runtime.httpClient(),
					ExchangeObserver.all(observers), Clock.systemUTC());
			ScenarioReport report = new ScenarioRunner(out).run(script, charger, sent, connection.callTimeout(),
					connection.connectTimeout());
			charger.shutdown().get(5, TimeUnit.SECONDS);
			return report.succeeded() ? 0 : 1;
		}
	}

	private ChargerSettings settingsFor(ScenarioCharger wanted) {
		ChargerSettings settings = ChargerSettings.of(connection.url(), id, password)
				.withCallTimeout(connection.callTimeout());
		settings = settings.withConnectors(first(connectors, wanted.connectors(), 1));
		settings = settings.withPowerKw(first(powerKw, wanted.powerKw(), 11.0));
		settings = settings.withMeterInterval(first(meterInterval, wanted.meterInterval(), Duration.ofSeconds(10)));
		return settings.withHeartbeatInterval(wanted.heartbeatInterval());
	}

	private static <T> T first(T commandLine, T scenario, T fallback) {
		return commandLine != null ? commandLine : scenario != null ? scenario : fallback;
	}
}
