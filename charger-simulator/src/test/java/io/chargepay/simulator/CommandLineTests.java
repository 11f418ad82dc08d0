package io.chargepay.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "charger", "scenario", "load" })
	void everyCommandExplainsItselfWithHelp(String command) {
		StringWriter out = new StringWriter();
		CommandLine commandLine = SimulatorApp.commandLine();
		commandLine.setOut(new PrintWriter(out, true));

		int exit = command.isEmpty() ? commandLine.execute("--help") : commandLine.execute(command, "--help");

		assertThat(exit).isZero();
		assertThat(out.toString()).contains("Usage: charger-simulator" + (command.isEmpty() ? "" : " " + command));
	}

	@ParameterizedTest
	@ValueSource(strings = { "--duration=soon", "--chargers=many" })
	void rejectsOptionsItCannotReadWithAUsageError(String option) {
		CommandLine commandLine = SimulatorApp.commandLine();
		commandLine.setErr(new PrintWriter(new StringWriter(), true));

		assertThat(commandLine.execute("load", option)).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "--list" })
	void listsTheBuiltInScenarios(String option) {
		StringWriter out = new StringWriter();
		CommandLine commandLine = SimulatorApp.commandLine();
		commandLine.setOut(new PrintWriter(out, true));

		assertThat(commandLine.execute("scenario", option)).isZero();
		assertThat(out.toString()).contains("full-session", "rfid-session", "offline-replay", "duplicate-stop", "reboot");
	}
}
