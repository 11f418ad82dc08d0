package io.chargepay.simulator.ocpp;

import static io.chargepay.simulator.support.Futures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.chargepay.simulator.ocpp.CallQueue.Delivery;
import io.chargepay.simulator.ocpp.OcppMessage.Call;
import io.chargepay.simulator.ocpp.OcppMessage.CallError;
import io.chargepay.simulator.ocpp.OcppMessage.CallResult;
import io.chargepay.simulator.support.VirtualLane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CallQueueTests {

	private final VirtualLane lane = new VirtualLane();
	private final List<Call> wire = new ArrayList<>();
	private final AtomicLong lastLatency = new AtomicLong(-1);
	private CallQueue queue;

	@BeforeEach
	void createQueue() {
		ExchangeObserver latency = new ExchangeObserver() {
			@Override
			public void callAnswered(String chargerId, Call call, OcppMessage answer, long latencyNanos) {
				lastLatency.set(latencyNanos);
			}
		};
		queue = new CallQueue("CP-1", lane, Duration.ofSeconds(30), latency);
	}

	@Test
	void sendsOneCallAtATimeInTheOrderQueued() {
		queue.open(this::capture);
		CompletableFuture<JsonNode> first = queue.call("Heartbeat", Map::of, Delivery.BEST_EFFORT);
		CompletableFuture<JsonNode> second = queue.call("StatusNotification", Map::of, Delivery.BEST_EFFORT);
		queue.call("Authorize", Map::of, Delivery.BEST_EFFORT);

		assertThat(actionsOnWire()).containsExactly("Heartbeat");
		answerLast("{\"currentTime\":\"x\"}");
		assertThat(first).isCompletedWithValue(Json.read("{\"currentTime\":\"x\"}"));
		assertThat(actionsOnWire()).containsExactly("Heartbeat", "StatusNotification");
		answerLast("{}");
		assertThat(second).isCompleted();
		assertThat(actionsOnWire()).containsExactly("Heartbeat", "StatusNotification", "Authorize");
	}

	@Test
	void failsACallThatGetsNoAnswerInTimeAndMovesOnToTheNext() {
		queue.open(this::capture);
		CompletableFuture<JsonNode> unanswered = queue.call("Heartbeat", Map::of, Delivery.BEST_EFFORT);
		queue.call("Authorize", Map::of, Delivery.BEST_EFFORT);

		lane.advance(Duration.ofSeconds(29));
		assertThat(unanswered).isNotDone();
		lane.advance(Duration.ofSeconds(1));

		assertThat(unanswered).isCompletedExceptionally();
		assertThat(failure(unanswered)).isInstanceOf(CallTimeoutException.class);
		assertThat(actionsOnWire()).containsExactly("Heartbeat", "Authorize");
	}

	@Test
	void turnsACallErrorIntoAFailedCallWithItsCode() {
		queue.open(this::capture);
		CompletableFuture<JsonNode> call = queue.call("DataTransfer", Map::of, Delivery.BEST_EFFORT);

		queue.answer(new CallError(lastId(), "NotImplemented", "no", Json.object()));

		assertThat(failure(call)).isInstanceOfSatisfying(CallErrorException.class,
				e -> assertThat(e.errorCode()).isEqualTo("NotImplemented"));
	}

	@Test
	void measuresLatencyFromSendToAnswer() {
		queue.open(this::capture);
		queue.call("Heartbeat", Map::of, Delivery.BEST_EFFORT);
		lane.advance(Duration.ofMillis(12));
		answerLast("{}");

		assertThat(lastLatency.get()).isEqualTo(Duration.ofMillis(12).toNanos());
	}

	@Test
	void keepsTransactionMessagesWhileOfflineAndDeliversThemInOrderAfterReconnecting() {
		queue.open(this::capture);
		CompletableFuture<JsonNode> start = queue.call("StartTransaction", Map::of, Delivery.TRANSACTIONAL);
		String startId = lastId();

		queue.connectionLost();
		CompletableFuture<JsonNode> heartbeat = queue.call("Heartbeat", Map::of, Delivery.BEST_EFFORT);
		queue.call("MeterValues", Map::of, Delivery.TRANSACTIONAL);
		queue.call("StopTransaction", Map::of, Delivery.TRANSACTIONAL);
		assertThat(failure(heartbeat)).isInstanceOf(NotConnectedException.class);
		assertThat(queue.waitingCalls()).extracting(CallQueue.QueuedCall::action)
				.containsExactly("StartTransaction", "MeterValues", "StopTransaction");

		queue.open(this::capture);
		assertThat(lastId()).as("the unanswered StartTransaction goes again, same id").isEqualTo(startId);
		answerLast("{\"transactionId\":5}");
		answerLast("{}");
		answerLast("{}");

		assertThat(start).isCompleted();
		assertThat(actionsOnWire()).containsExactly("StartTransaction", "StartTransaction", "MeterValues",
				"StopTransaction");
	}

	@Test
	void dropsCallsThatAreNotAboutTransactionsWhenTheConnectionGoes() {
		queue.open(this::capture);
		CompletableFuture<JsonNode> inFlight = queue.call("Heartbeat", Map::of, Delivery.BEST_EFFORT);
		CompletableFuture<JsonNode> waiting = queue.call("StatusNotification", Map::of, Delivery.BEST_EFFORT);

		queue.connectionLost();

		assertThat(failure(inFlight)).isInstanceOf(NotConnectedException.class);
		assertThat(failure(waiting)).isInstanceOf(NotConnectedException.class);
		assertThat(queue.size()).isZero();
	}

	@Test
	void letsOnlyBootNotificationThroughUntilTheChargerIsAccepted() {
		queue.call("StopTransaction", Map::of, Delivery.TRANSACTIONAL);
		queue.openForBoot(this::capture);
		queue.call("BootNotification", Map::of, Delivery.BOOT);

		assertThat(actionsOnWire()).containsExactly("BootNotification");
		answerLast("{\"status\":\"Accepted\"}");
		assertThat(actionsOnWire()).as("held until accepted").containsExactly("BootNotification");

		queue.open(this::capture);
		assertThat(actionsOnWire()).containsExactly("BootNotification", "StopTransaction");
	}

	@Test
	void buildsEachPayloadWhenItsCallIsSentSoItCanUseEarlierAnswers() {
		queue.open(this::capture);
		AtomicInteger transactionId = new AtomicInteger();
		queue.call("StartTransaction", Map::of, Delivery.TRANSACTIONAL)
				.thenAccept(answer -> transactionId.set(answer.path("transactionId").asInt()));
		queue.call("StopTransaction", () -> Map.of("transactionId", transactionId.get()), Delivery.TRANSACTIONAL);

		answerLast("{\"transactionId\":77}");

		assertThat(wire.get(1).payload().path("transactionId").asInt()).isEqualTo(77);
	}

	@Test
	void ignoresAnswersThatNoCallWaitsFor() {
		queue.open(this::capture);
		queue.call("Heartbeat", Map::of, Delivery.BEST_EFFORT);

		assertThat(queue.answer(new CallResult("not-ours", Json.object()))).isFalse();
		assertThat(queue.size()).isEqualTo(1);
	}

	@Test
	void completesWhenDrainedOnceNothingWaitsOrIsInFlight() {
		queue.open(this::capture);
		queue.call("Heartbeat", Map::of, Delivery.BEST_EFFORT);
		CompletableFuture<Void> drained = queue.whenDrained();

		assertThat(drained).isNotDone();
		answerLast("{}");
		assertThat(drained).isCompleted();
	}

	private void capture(String frame) {
		wire.add((Call) OcppFrames.read(frame));
	}

	private List<String> actionsOnWire() {
		return wire.stream().map(Call::action).toList();
	}

	private String lastId() {
		return wire.get(wire.size() - 1).messageId();
	}

	private void answerLast(String payload) {
		assertThat(queue.answer(new CallResult(lastId(), Json.read(payload)))).isTrue();
	}
}
