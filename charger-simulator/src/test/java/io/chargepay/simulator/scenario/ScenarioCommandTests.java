package io.chargepay.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.chargepay.simulator.SimulatorApp;
import io.chargepay.simulator.support.CsmsTestPeer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code scenario} end to end: the command line, the runner and a real charger against the CSMS test peer. */
@Timeout(60)
class ScenarioCommandTests {

	private static final String ID = "CHARGER-001";
	private static final String PASSWORD = "sandbox-charger-001-key";

	private CsmsTestPeer peer;
	private final StringWriter output = new StringWriter();

	@BeforeEach
	void startPeer() throws Exception {
		peer = CsmsTestPeer.start(60, Map.of(ID, PASSWORD));
	}

	@AfterEach
	void stopPeer() throws Exception {
		peer.close();
		assertThat(peer.violations()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "full-session", "rfid-session", "duplicate-stop", "reboot" })
	void builtInScenarioPassesAgainstACsmsThatFollowsTheProtocol(String scenario) {
		int exit = run(scenario);

		assertThat(exit).as(output.toString()).isZero();
		assertThat(output.toString()).contains("PASS").doesNotContain("  FAIL  ")
				.contains("scenario " + scenario + ": ");
	}

	@Test
	void offlineReplayPassesAndDeliversTheQueuedMessagesInOrderOnTheNewConnection() {
		assertThat(run("offline-replay")).as(output.toString()).isZero();
		assertThat(output.toString()).contains("PASS  replayed.last == StopTransaction").doesNotContain("  FAIL  ");

		var replayed = peer.calls(ID).stream().filter(call -> call.connection() == 2)
				.map(CsmsTestPeer.Received::action).filter(action -> !action.equals("StatusNotification")).toList();
		assertThat(replayed).startsWith("MeterValues").contains("StopTransaction");
		assertThat(replayed.subList(0, replayed.indexOf("StopTransaction"))).containsOnly("MeterValues");
	}

	@Test
	void failsAndExitsNonZeroWhenAnExpectationDoesNotHold(@TempDir Path dir) throws Exception {
		Path script = dir.resolve("wrong.yaml");
		Files.writeString(script, """
				steps:
				  - boot:
				    expect:
				      status: Rejected
				  - heartbeat:
				""");

		assertThat(run(script.toString())).isEqualTo(1);
		assertThat(output.toString()).contains("FAIL  status == Rejected (was Accepted)")
				.contains("PASS  2 heartbeat: answered").contains("1 PASS, 1 FAIL");
	}

	@Test
	void expectsCallErrorsWhenTheScriptSaysSo(@TempDir Path dir) throws Exception {
		Path script = dir.resolve("errors.json");
		Files.writeString(script, """
				{"steps": [
				  {"boot": null},
				  {"send": {"action": "FlyToTheMoon", "payload": {}}, "expect": {"error": "NotImplemented"}}
				]}
				""");

		assertThat(run(script.toString())).as(output.toString()).isZero();
	}

	@Test
	void stopsEarlyWhenTheChargerCannotGetIn() {
		int exit = SimulatorApp.commandLine().setOut(new PrintWriter(output, true)).execute("scenario", "--quiet",
				"--url", peer.url().toString(), "--id", ID, "--password", "wrong-password-123456", "--connect-timeout",
				"2s", "--call-timeout", "1s", "full-session");

		assertThat(exit).isEqualTo(1);
		assertThat(output.toString()).contains("stopped early");
	}

	@Test
	void remoteSessionFollowsTheCommandsOfTheCsms() throws Exception {
		CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run("remote-session"));
		peer.awaitCalls(ID, "StatusNotification", 2, Duration.ofSeconds(10));

		peer.send(ID, "RemoteStartTransaction", Map.of("idTag", "TAG-USER-123")).get(10, TimeUnit.SECONDS);
		// Charging is reported after the StartTransaction answer, so by then the charger knows its transactionId.
		peer.awaitCalls(ID, calls -> calls.stream().anyMatch(call -> call.action().equals("StatusNotification")
				&& call.payload().path("status").asString().equals("Charging")), Duration.ofSeconds(10));
		CsmsTestPeer.Answer stop = peer.send(ID, "RemoteStopTransaction",
				Map.of("transactionId", peer.lastTransactionId())).get(10, TimeUnit.SECONDS);

		assertThat(stop.payload().path("status").asString()).isEqualTo("Accepted");

		assertThat(exit.get(30, TimeUnit.SECONDS)).as(output.toString()).isZero();
		assertThat(peer.awaitCalls(ID, "StopTransaction", 1, Duration.ofSeconds(10)).get(0).payload().path("reason")
				.asString()).isEqualTo("Remote");
	}

	private int run(String scenario) {
		CommandLine commandLine = SimulatorApp.commandLine();
		commandLine.setOut(new PrintWriter(output, true));
		return commandLine.execute("scenario", "--url", peer.url().toString(), "--id", ID, "--password", PASSWORD,
				"--call-timeout", "5s", scenario);
	}
}
