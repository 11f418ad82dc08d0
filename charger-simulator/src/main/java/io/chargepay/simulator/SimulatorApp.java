package io.chargepay.simulator;

import java.time.Duration;

import io.chargepay.simulator.cli.ChargerCommand;
import io.chargepay.simulator.cli.LoadCommand;
import io.chargepay.simulator.cli.ScenarioCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The simulator's entry point: {@code java -jar charger-simulator.jar charger|scenario|load ...}. */
@Command(name = "charger-simulator", mixinStandardHelpOptions = true, version = "charger-simulator 0.1.0",
		description = "OCPP 1.6J charge point simulator for the ChargePay CSMS.",
		subcommands = { ChargerCommand.class, ScenarioCommand.class, LoadCommand.class,
				CommandLine.HelpCommand.class })
public final class SimulatorApp implements Runnable {

	@Spec
	CommandSpec spec;

	public static void main(String[] args) {
		System.exit(commandLine().execute(args));
	}

	public static CommandLine commandLine() {
		return new CommandLine(new SimulatorApp())
				.registerConverter(Duration.class, Durations::parse)
				.setCaseInsensitiveEnumValuesAllowed(true);
	}

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}
}
