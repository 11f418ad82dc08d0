package io.chargepay.simulator.charger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.chargepay.simulator.ocpp.CallQueue.QueuedCall;
import io.chargepay.simulator.support.CsmsTestPeer;
import io.chargepay.simulator.support.CsmsTestPeer.Answer;
import io.chargepay.simulator.support.CsmsTestPeer.Received;
import io.chargepay.simulator.support.Simulators;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** The simulator against a CSMS test peer over a real WebSocket: what goes over the wire, in which order. */
@Timeout(30)
class ChargerProtocolTests {

	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final String ID = "CHARGER-001";
	private static final String PASSWORD = "sandbox-charger-001-key";
	private static final String TAG = "TAG-USER-123";

	private CsmsTestPeer peer;
	private Simulators simulators;

	@BeforeEach
	void startPeer() throws Exception {
		peer = CsmsTestPeer.start(1, Map.of());
		simulators = new Simulators();
	}

	@AfterEach
	void stopAll() throws Exception {
		simulators.close();
		peer.close();
		assertThat(peer.violations()).as("payloads breaking the OCPP 1.6 schemas").isEmpty();
	}

	@Test
	void offersTheOcpp16SubprotocolAndSendsBasicCredentialsInTheUpgrade() throws Exception {
		ChargePoint charger = simulators.charger(Simulators.settings(peer.url(), ID, PASSWORD));

		charger.start().get(10, TimeUnit.SECONDS);

		CsmsTestPeer.Handshake handshake = peer.handshakes().get(0);
		assertThat(handshake.path()).isEqualTo("/ocpp/CHARGER-001");
		assertThat(handshake.offeredProtocols()).contains("ocpp1.6");
		assertThat(handshake.authorization())
				.isEqualTo("Basic " + Base64.getEncoder().encodeToString((ID + ":" + PASSWORD).getBytes()));
	}

	@Test
	void bootsThenReportsEveryConnectorThenHeartbeatsAtTheIntervalTheCsmsGave() throws Exception {
		ChargePoint charger = simulators.charger(Simulators.settings(peer.url(), ID, PASSWORD).withConnectors(2));

		JsonNode boot = charger.start().get(10, TimeUnit.SECONDS);
		peer.awaitCalls(ID, "Heartbeat", 2, WAIT);

		assertThat(boot.path("status").asString()).isEqualTo("Accepted");
		List<Received> calls = peer.calls(ID);
		assertThat(calls.get(0).action()).isEqualTo("BootNotification");
		assertThat(calls.subList(1, 4)).allSatisfy(call -> {
			assertThat(call.action()).isEqualTo("StatusNotification");
			assertThat(call.payload().path("status").asString()).isEqualTo("Available");
		});
		assertThat(calls.subList(1, 4)).extracting(call -> call.payload().path("connectorId").asInt())
				.containsExactly(0, 1, 2);
	}

	@Test
	void runsATransactionFromRemoteStartToRemoteStopWithTheMeteredEnergy() throws Exception {
		ChargePoint charger = simulators.charger(Simulators.settings(peer.url(), ID, PASSWORD));
		charger.start().get(10, TimeUnit.SECONDS);

		Answer started = peer.send(ID, "RemoteStartTransaction", Map.of("connectorId", 1, "idTag", TAG)).get();
		JsonNode start = peer.awaitCalls(ID, "StartTransaction", 1, WAIT).get(0).payload();
		List<Received> samples = peer.awaitCalls(ID, "MeterValues", 2, WAIT);
		int transactionId = 1001;
		Answer stopped = peer.send(ID, "RemoteStopTransaction", Map.of("transactionId", transactionId)).get();
		JsonNode stop = peer.awaitCalls(ID, "StopTransaction", 1, WAIT).get(0).payload();

		assertThat(started.payload().path("status").asString()).isEqualTo("Accepted");
		assertThat(stopped.payload().path("status").asString()).isEqualTo("Accepted");
		assertThat(start.path("connectorId").asInt()).isEqualTo(1);
		assertThat(start.path("idTag").asString()).isEqualTo(TAG);
		List<Long> energy = new ArrayList<>();
		for (Received sample : samples) {
			assertThat(sample.payload().path("transactionId").asInt()).isEqualTo(transactionId);
			JsonNode value = sample.payload().path("meterValue").get(0).path("sampledValue").get(0);
			assertThat(value.path("measurand").asString()).isEqualTo("Energy.Active.Import.Register");
			assertThat(value.path("unit").asString()).isEqualTo("Wh");
			energy.add(Long.parseLong(value.path("value").asString()));
		}
		assertThat(energy).isSorted();
		assertThat(stop.path("transactionId").asInt()).isEqualTo(transactionId);
		assertThat(stop.path("reason").asString()).isEqualTo("Remote");
		assertThat(stop.path("meterStop").asLong()).isGreaterThanOrEqualTo(energy.get(energy.size() - 1))
				.isGreaterThan(start.path("meterStart").asLong());
		peer.awaitCalls(ID, calls -> statusesOfConnector(1).size() >= 5, WAIT);
		assertThat(statusesOfConnector(1)).containsSubsequence("Available", "Preparing", "Charging", "Finishing",
				"Available");
	}

	@Test
	void answersEveryCoreCommandWithASchemaValidConfirmationAndActsOnIt() throws Exception {
		ChargePoint charger = simulators.charger(Simulators.settings(peer.url(), ID, PASSWORD));
		charger.start().get(10, TimeUnit.SECONDS);

		assertThat(status(command("ChangeConfiguration", Map.of("key", "HeartbeatInterval", "value", "0"))))
				.isEqualTo("Accepted");
		JsonNode configuration = command("GetConfiguration", Map.of("key", List.of("HeartbeatInterval", "Nope")))
				.payload();
		assertThat(configuration.path("configurationKey").get(0).path("value").asString()).isEqualTo("0");
		assertThat(configuration.path("unknownKey").get(0).asString()).isEqualTo("Nope");
		assertThat(status(command("ChangeConfiguration", Map.of("key", "NumberOfConnectors", "value", "3"))))
				.isEqualTo("Rejected");
		assertThat(status(command("ChangeConfiguration", Map.of("key", "Nope", "value", "1"))))
				.isEqualTo("NotSupported");

		assertThat(status(command("ChangeAvailability", Map.of("connectorId", 1, "type", "Inoperative"))))
				.isEqualTo("Accepted");
		peer.awaitCalls(ID, calls -> statusesOfConnector(1).contains("Unavailable"), WAIT);
		assertThat(status(command("ChangeAvailability", Map.of("connectorId", 1, "type", "Operative"))))
				.isEqualTo("Accepted");
		assertThat(status(command("UnlockConnector", Map.of("connectorId", 1)))).isEqualTo("Unlocked");
		assertThat(status(command("UnlockConnector", Map.of("connectorId", 9)))).isEqualTo("NotSupported");
		assertThat(status(command("ClearCache", Map.of()))).isEqualTo("Accepted");
		assertThat(status(command("DataTransfer", Map.of("vendorId", "com.example")))).isEqualTo("UnknownVendorId");

		int heartbeats = count("Heartbeat");
		assertThat(status(command("TriggerMessage", Map.of("requestedMessage", "Heartbeat")))).isEqualTo("Accepted");
		peer.awaitCalls(ID, "Heartbeat", heartbeats + 1, WAIT);
		assertThat(status(command("TriggerMessage", Map.of("requestedMessage", "MeterValues", "connectorId", 1))))
				.isEqualTo("Accepted");
		List<Received> triggered = peer.awaitCalls(ID, "MeterValues", 1, WAIT);
		assertThat(triggered.get(0).payload().path("meterValue").get(0).path("sampledValue").get(0)
				.path("context").asString()).isEqualTo("Trigger");
		assertThat(status(command("TriggerMessage", Map.of("requestedMessage", "BootNotification"))))
				.isEqualTo("Accepted");
		peer.awaitCalls(ID, "BootNotification", 2, WAIT);
		assertThat(status(command("TriggerMessage", Map.of("requestedMessage", "DiagnosticsStatusNotification"))))
				.isEqualTo("NotImplemented");

		assertThat(command("GetDiagnostics", Map.of("location", "ftp://example.com/")).errorCode())
				.isEqualTo("NotSupported");
		assertThat(command("FlyToTheMoon", Map.of()).errorCode()).isEqualTo("NotImplemented");
		assertThat(command("RemoteStartTransaction", Map.of()).errorCode()).isEqualTo("OccurenceConstraintViolation");

		assertThat(status(command("Reset", Map.of("type", "Soft")))).isEqualTo("Accepted");
		peer.awaitCalls(ID, "BootNotification", 3, WAIT);
		assertThat(peer.connectionCount(ID)).isEqualTo(2);
	}

	@Test
	void deliversTransactionMessagesQueuedOfflineInOrderAfterReconnecting() throws Exception {
		ChargePoint charger = simulators.charger(Simulators.settings(peer.url(), ID, PASSWORD));
		charger.start().get(10, TimeUnit.SECONDS);
		int transactionId = charger.startTransaction(1, TAG).get(10, TimeUnit.SECONDS).path("transactionId").asInt();
		peer.awaitCalls(ID, "MeterValues", 1, WAIT);

		charger.goOffline().get(5, TimeUnit.SECONDS);
		CompletableFuture<JsonNode> sample = charger.meterValues(1);
		CompletableFuture<JsonNode> stop = charger.stopTransaction(1, "Local");
		assertThat(sample).isNotDone();
		List<QueuedCall> backlog = charger.goOnline().get(5, TimeUnit.SECONDS);
		CompletableFuture.allOf(backlog.stream().map(QueuedCall::answer).toArray(CompletableFuture[]::new))
				.get(10, TimeUnit.SECONDS);

		// The caller's future completes on the charger's lane, just after the answer that ends it.
		assertThat(stop).succeedsWithin(java.time.Duration.ofSeconds(10));
		List<String> transactionMessages = List.of("StartTransaction", "MeterValues", "StopTransaction");
		List<Received> replayed = peer.calls(ID).stream().filter(call -> call.connection() == 2)
				.filter(call -> transactionMessages.contains(call.action())).toList();
		assertThat(replayed).extracting(Received::action)
				.isEqualTo(backlog.stream().map(QueuedCall::action).toList());
		assertThat(replayed.get(replayed.size() - 1).action()).isEqualTo("StopTransaction");
		assertThat(replayed).extracting(Received::action).contains("MeterValues");
		List<Instant> times = new ArrayList<>();
		for (Received call : replayed) {
			assertThat(call.payload().path("transactionId").asInt()).isEqualTo(transactionId);
			JsonNode time = call.action().equals("MeterValues") ? call.payload().path("meterValue").get(0).path("timestamp")
					: call.payload().path("timestamp");
			times.add(Instant.parse(time.asString()));
		}
		assertThat(times).as("chronological, as OCPP 1.6 §3.7 asks").isSorted();
	}

	@Test
	void neverHasMoreThanOneCallInFlight() throws Exception {
		peer.answerAfter(Duration.ofMillis(100));
		ChargePoint charger = simulators.charger(Simulators.settings(peer.url(), ID, PASSWORD));
		charger.start().get(10, TimeUnit.SECONDS);

		CompletableFuture.allOf(charger.heartbeat(), charger.statusNotification(1, "Available"), charger.authorize(TAG),
				charger.heartbeat(), charger.meterValues(1), charger.statusNotification(0, "Available"))
				.get(10, TimeUnit.SECONDS);

		assertThat(peer.calls(ID)).hasSizeGreaterThanOrEqualTo(8);
		assertThat(peer.mostUnanswered(ID)).isEqualTo(1);
	}

	@Test
	void stopsWithDeAuthorizedWhenTheCsmsRejectsTheIdTagOfAStartedTransaction() throws Exception {
		peer.reject("TAG-BLOCKED");
		ChargePoint charger = simulators.charger(Simulators.settings(peer.url(), ID, PASSWORD));
		charger.start().get(10, TimeUnit.SECONDS);

		charger.startTransaction(1, "TAG-BLOCKED").get(10, TimeUnit.SECONDS);
		JsonNode stop = peer.awaitCalls(ID, "StopTransaction", 1, WAIT).get(0).payload();

		assertThat(stop.path("reason").asString()).isEqualTo("DeAuthorized");
	}

	@Test
	void reportsARefusedUpgradeAndGetsInWithTheRightKey() throws Exception {
		try (CsmsTestPeer guarded = CsmsTestPeer.start(60, Map.of(ID, PASSWORD))) {
			ChargePoint wrong = simulators.charger(Simulators.settings(guarded.url(), ID, "not-the-right-key-at-all"));
			wrong.start();
			assertThat(simulators.recorder().firstConnectFailure().get(10, TimeUnit.SECONDS))
					.contains("handshake refused");
			wrong.shutdown().get(5, TimeUnit.SECONDS);

			ChargePoint right = simulators.charger(Simulators.settings(guarded.url(), ID, PASSWORD));
			assertThat(right.start().get(10, TimeUnit.SECONDS).path("status").asString()).isEqualTo("Accepted");
		}
	}

	private Answer command(String action, Object payload) throws Exception {
		return peer.send(ID, action, payload).get(10, TimeUnit.SECONDS);
	}

	private static String status(Answer answer) {
		assertThat(answer.errorCode()).as("CALLERROR").isNull();
		return answer.payload().path("status").asString();
	}

	private int count(String action) {
		return (int) peer.calls(ID).stream().filter(call -> call.action().equals(action)).count();
	}

	private List<String> statusesOfConnector(int connectorId) {
		return peer.calls(ID).stream().filter(call -> call.action().equals("StatusNotification"))
				.filter(call -> call.payload().path("connectorId").asInt() == connectorId)
				.map(call -> call.payload().path("status").asString()).toList();
	}
}
