package io.chargepay.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.chargepay.simulator.ocpp.Json;
import io.chargepay.simulator.support.CsmsTestPeer;
import io.chargepay.simulator.transport.TlsSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A small fleet against the test peer: bounded in time, and it must finish without a single error. */
@Timeout(60)
class LoadRunTests {

	private static final int CHARGERS = 200;

	@Test
	void twoHundredChargersRunForAFewSecondsWithoutErrorsOnAHandfulOfThreads(@TempDir Path dir) throws Exception {
		ChargerIds ids = new ChargerIds("LOAD-", CHARGERS, null, "key-{id}-0000000000");
		Map<String, String> passwords = new HashMap<>();
		for (int index = 0; index < CHARGERS; index++) {
			passwords.put(ids.id(index), ids.password(ids.id(index)));
		}
		Path reportFile = dir.resolve("report.json");
		StringWriter output = new StringWriter();
		try (CsmsTestPeer peer = CsmsTestPeer.start(1, passwords)) {
			LoadSettings settings = new LoadSettings(peer.url(), TlsSettings.defaults(), Duration.ofSeconds(5),
					Duration.ofSeconds(5), CHARGERS, ids, 400, Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5,
					Duration.ofSeconds(1), Duration.ofMillis(500), "TAG-USER-123", true, 0, 11, Duration.ofSeconds(8),
					Duration.ofSeconds(1), Duration.ofSeconds(5), reportFile,
					new MeasurementWindow(Duration.ofSeconds(3), Duration.ofSeconds(7)));
			LoadRun run = new LoadRun(settings, new PrintWriter(output, true), Clock.systemUTC());
			Set<String> threadsBefore = threadNames();

			CompletableFuture<LoadReport> running = CompletableFuture.supplyAsync(() -> {
				try {
					return run.run();
				}
				catch (InterruptedException e) {
					throw new IllegalStateException(e);
				}
			});
			// Generous: on a loaded 2-core machine the last charger may boot seconds after the ramp.
			peer.awaitCalls("LOAD-00200", "Heartbeat", 1, Duration.ofSeconds(30));
			Set<String> threadsDuring = threadNames();
			LoadReport report = running.get(30, TimeUnit.SECONDS);
			run.writeReport(report);

			assertThat(report.clean()).as(output.toString()).isTrue();
			assertThat(report.connects()).isEqualTo(CHARGERS);
			assertThat(report.bootsAccepted()).isEqualTo(CHARGERS);
			Map<String, ActionSummary> actions = report.actions().stream()
					.collect(Collectors.toMap(ActionSummary::action, action -> action));
			assertThat(actions.get("BootNotification").count()).isEqualTo(CHARGERS);
			assertThat(actions.get("StatusNotification").count()).isGreaterThanOrEqualTo(2 * CHARGERS);
			assertThat(actions.get("Heartbeat").count()).isGreaterThan(CHARGERS);
			assertThat(actions.get("StartTransaction").count()).isPositive();
			assertThat(actions.get("Authorize").count()).as("an Authorize before each start")
					.isGreaterThanOrEqualTo(actions.get("StartTransaction").count());
			assertThat(actions.get("StopTransaction").count()).isPositive();
			assertThat(actions.get("MeterValues").count()).isPositive();
			assertThat(actions.get("Heartbeat").p99Ms()).isPositive().isLessThanOrEqualTo(actions.get("Heartbeat").maxMs());
			Map<String, ActionSummary> window = report.window().actions().stream()
					.collect(Collectors.toMap(ActionSummary::action, action -> action));
			assertThat(window.get("Heartbeat").count()).as("heartbeats of the window only").isPositive()
					.isLessThan(actions.get("Heartbeat").count());
			assertThat(window.get("Heartbeat").perSecond()).as("a rate over the window's 4 s")
					.isCloseTo(window.get("Heartbeat").count() / 4.0, org.assertj.core.api.Assertions.within(0.01));
			// The ramp takes 0.5 s and the window opens at 3 s; on a loaded machine a few boots may still land in it,
			// but never all of them: the window counts only what happened inside it.
			long bootsInWindow = window.containsKey("BootNotification") ? window.get("BootNotification").count() : 0L;
			assertThat(bootsInWindow).as("boots counted in the window").isLessThan(CHARGERS);
			assertThat(peer.handshakes()).extracting(CsmsTestPeer.Handshake::chargerId).doesNotHaveDuplicates()
					.hasSize(CHARGERS).contains("LOAD-00001", "LOAD-00200");
			assertThat(peer.violations()).isEmpty();

			Set<String> added = threadsDuring.stream().filter(name -> !threadsBefore.contains(name))
					.filter(name -> !name.startsWith("WebSocket")).filter(name -> !name.startsWith("pool-"))
					.collect(Collectors.toSet());
			assertThat(added).as("no thread per connection").hasSizeLessThan(12);
		}
		JsonNode written = Json.read(java.nio.file.Files.readString(reportFile));
		assertThat(written.path("chargers").asInt()).isEqualTo(CHARGERS);
		assertThat(written.path("actions").size()).isGreaterThanOrEqualTo(6);
		assertThat(written.path("window").path("fromSeconds").asDouble()).isEqualTo(3.0);
		assertThat(written.path("window").path("actions").size()).isPositive();
		assertThat(output.toString()).contains("connected").contains("p99 ms").contains("report written to")
				.contains("measurement window, 3 s to 7 s");
	}

	private static Set<String> threadNames() {
		return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).collect(Collectors.toSet());
	}
}
