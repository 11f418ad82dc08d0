package io.chargepay.simulator.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.chargepay.simulator.load.ChargerIds;
import io.chargepay.simulator.load.LoadReport;
import io.chargepay.simulator.load.LoadRun;
import io.chargepay.simulator.load.LoadSettings;
import io.chargepay.simulator.load.MeasurementWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code load}: a fleet from one process; exit status 0 only when no call failed and every connection got through. */
@Command(name = "load", mixinStandardHelpOptions = true,
		description = { "Run a fleet of chargers from one process.",
				"Thousands are fine: there is no thread per connection. Prints progress every few seconds and, at the "
						+ "end, per-action counts, errors and latency percentiles; exits 0 only when no call failed and "
						+ "every connection got through." })
public final class LoadCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectionOptions connection;

	@Option(names = "--chargers", defaultValue = "100", description = "How many chargers (default: ${DEFAULT-VALUE})")
	int chargers;

	@Option(names = "--id-prefix", defaultValue = "LOAD-",
			description = "Charger ids are the prefix plus a zero-padded number: LOAD-00001 (default: ${DEFAULT-VALUE})")
	String idPrefix;

	@Option(names = "--password", description = "One AuthorizationKey for every charger")
	String password;

	@Option(names = "--password-template", paramLabel = "TEMPLATE",
			description = "A key per charger; {id} becomes its id, e.g. key-{id}-0000000000")
	String passwordTemplate;

	@Option(names = "--ramp", defaultValue = "100", description = "New connections per second (default: ${DEFAULT-VALUE})")
	double ramp;

	@Option(names = "--heartbeat-interval", converter = DurationConverter.class,
			description = "Override the heartbeat interval the CSMS returns")
	Duration heartbeatInterval;

	@Option(names = "--meter-interval", defaultValue = "10s", converter = DurationConverter.class,
			description = "MeterValues interval during transactions, whole seconds (default: ${DEFAULT-VALUE})")
	Duration meterInterval;

	@Option(names = "--transaction-share", defaultValue = "0",
			description = "Fraction 0..1 of chargers that start and stop transactions in cycles (default: ${DEFAULT-VALUE})")
	double transactionShare;

	@Option(names = "--transaction-length", defaultValue = "60s", converter = DurationConverter.class,
			description = "How long each cycle's transaction charges (default: ${DEFAULT-VALUE})")
	Duration transactionLength;

	@Option(names = "--transaction-pause", defaultValue = "30s", converter = DurationConverter.class,
			description = "Pause between a cycle's transactions (default: ${DEFAULT-VALUE})")
	Duration transactionPause;

	@Option(names = "--id-tag", defaultValue = "TAG-USER-123",
			description = "idTag of the cycles' transactions; {n} in it is the charger's number, 1.. (default: ${DEFAULT-VALUE})")
	String idTag;

	@Option(names = "--transactions-per-charger", defaultValue = "0",
			description = "At most this many transactions per cycling charger; 0 for no limit (default: ${DEFAULT-VALUE})")
	int transactionsPerCharger;

	@Option(names = "--authorize-first",
			description = "Send an Authorize of the idTag before each StartTransaction, as an RFID reader does")
	boolean authorizeFirst;

	@Option(names = "--power-kw", defaultValue = "11", description = "Charging power (default: ${DEFAULT-VALUE})")
	double powerKw;

	@Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
			description = "How long the run lasts, ramp included (default: ${DEFAULT-VALUE})")
	Duration duration;

	@Option(names = "--progress-interval", defaultValue = "5s", converter = DurationConverter.class,
			description = "How often to print a progress line (default: ${DEFAULT-VALUE})")
	Duration progressInterval;

	@Option(names = "--drain", defaultValue = "10s", converter = DurationConverter.class,
			description = "At the end, how long to wait for outstanding calls (default: ${DEFAULT-VALUE})")
	Duration drain;

	@Option(names = "--report", paramLabel = "FILE", description = "Write the results as JSON to this file")
	Path report;

	@Option(names = "--window-from", converter = DurationConverter.class,
			description = "With --window-until: also report the calls between these two times after the start, e.g. "
					+ "the steady traffic after the ramp and before the drain")
	Duration windowFrom;

	@Option(names = "--window-until", converter = DurationConverter.class,
			description = "End of the measurement window, at most --duration")
	Duration windowUntil;

	@Override
	public Integer call() throws Exception {
		LoadSettings settings = new LoadSettings(connection.url(), connection.tls(), connection.callTimeout(),
				connection.connectTimeout(), chargers, new ChargerIds(idPrefix, chargers, password, passwordTemplate),
				ramp, heartbeatInterval, meterInterval, transactionShare, transactionLength, transactionPause, idTag,
				authorizeFirst, transactionsPerCharger, powerKw, duration, progressInterval, drain, report, window());
		LoadRun run = new LoadRun(settings, spec.commandLine().getOut(), Clock.systemUTC());
		LoadReport result = run.run();
		run.writeReport(result);
		return result.clean() ? 0 : 1;
	}

	private MeasurementWindow window() {
		if ((windowFrom == null) != (windowUntil == null)) {
			throw new ParameterException(spec.commandLine(), "--window-from and --window-until go together");
		}
		return windowFrom == null ? null : new MeasurementWindow(windowFrom, windowUntil);
	}
}
