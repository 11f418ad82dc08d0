package io.chargepay.simulator.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.chargepay.simulator.Durations;
import io.chargepay.simulator.charger.ChargePoint;
import io.chargepay.simulator.ocpp.CallQueue.Delivery;
import io.chargepay.simulator.ocpp.CallQueue.QueuedCall;
import io.chargepay.simulator.ocpp.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** What each scenario action does to the charger, and which OCPP action's payload {@code sent.} refers to. */
final class StepActions {

	/** Step name → the CALL it sends, for steps that send exactly one. */
	private static final Map<String, String> OCPP_ACTIONS = Map.of("boot", "BootNotification", "heartbeat",
			"Heartbeat", "status", "StatusNotification", "authorize", "Authorize", "start", "StartTransaction",
			"meterValues", "MeterValues", "stop", "StopTransaction", "repeatStop", "StopTransaction", "reboot",
			"BootNotification");

	static final Set<String> NAMES = Set.of("boot", "heartbeat", "status", "authorize", "start", "meterValues", "stop",
			"repeatStop", "tap", "plug", "unplug", "wait", "offline", "online", "reboot", "send", "awaitCommand", "idle");

	/** Steps whose CALLs queue, unanswered, while the charger is offline. */
	static final Set<String> QUEUED_OFFLINE = Set.of("start", "meterValues", "stop", "repeatStop", "unplug");

	private static final Duration AWAIT_COMMAND = Duration.ofSeconds(120);

	private final ChargePoint charger;
	private final Duration callTimeout;
	private final Duration connectTimeout;

	StepActions(ChargePoint charger, Duration callTimeout, Duration connectTimeout) {
		this.charger = charger;
		this.callTimeout = callTimeout;
		this.connectTimeout = connectTimeout;
	}

	static String ocppAction(ScenarioStep step) {
		if ("send".equals(step.action())) {
			return step.argument().path("action").asString(null);
		}
		return OCPP_ACTIONS.get(step.action());
	}

	/** Whether the step's success means "the CSMS answered", which then counts as an expectation of its own. */
	static boolean sendsCall(ScenarioStep step) {
		return OCPP_ACTIONS.containsKey(step.action()) || Set.of("send", "tap").contains(step.action());
	}

	Duration within(ScenarioStep step) {
		if (step.within() != null) {
			return step.within();
		}
		return switch (step.action()) {
			case "awaitCommand" -> AWAIT_COMMAND;
			case "wait" -> Durations.parse(step.argument().asString()).plus(callTimeout);
			// Connecting is part of booting; a charger that cannot get in fails the scenario rather than retrying on.
			case "boot" -> connectTimeout.plus(callTimeout).plusSeconds(1);
			// A reboot waits for StopTransactions, pauses, reconnects and boots.
			case "reboot" -> connectTimeout.plus(callTimeout.multipliedBy(2)).plusSeconds(5);
			case "online", "idle", "tap" -> callTimeout.multipliedBy(3);
			default -> callTimeout.plusSeconds(1);
		};
	}

	CompletableFuture<JsonNode> run(ScenarioStep step) {
		JsonNode argument = step.argument() == null ? Json.object() : step.argument();
		return switch (step.action()) {
			case "boot" -> charger.start();
			case "heartbeat" -> charger.heartbeat();
			case "status" -> charger.statusNotification(connector(argument), argument.path("status").asString("Available"));
			case "authorize" -> charger.authorize(idTag(argument));
			case "start" -> charger.startTransaction(connector(argument), idTag(argument));
			case "meterValues" -> charger.meterValues(connector(argument));
			case "stop" -> charger.stopTransaction(connector(argument), argument.path("reason").asString("Local"));
			case "repeatStop" -> charger.repeatLastStop();
			case "tap" -> charger.tap(idTag(argument));
			case "plug" -> charger.plug(connector(argument)).thenApply(ignored -> Json.object());
			case "unplug" -> charger.unplug(connector(argument));
			case "wait" -> waitFor(Durations.parse(argument.asString()));
			case "offline" -> charger.goOffline().thenApply(ignored -> Json.object());
			case "online" -> charger.goOnline().thenCompose(StepActions::replayed);
			case "reboot" -> charger.reboot();
			case "send" -> charger.send(argument.path("action").asString(), argument.path("payload"),
					argument.path("transactional").asBoolean(false) ? Delivery.TRANSACTIONAL : Delivery.BEST_EFFORT);
			case "awaitCommand" -> charger.nextCommand(argument.isString() ? argument.stringValue()
					: argument.path("action").asString());
			case "idle" -> charger.whenIdle().thenApply(ignored -> Json.object());
			default -> CompletableFuture.failedFuture(new IllegalArgumentException("unknown action " + step.action()));
		};
	}

	/** Waits for every call of the offline backlog to be answered and says what went out, in order. */
	private static CompletableFuture<JsonNode> replayed(List<QueuedCall> backlog) {
		ObjectNode report = Json.object();
		ArrayNode actions = report.putArray("replayed");
		backlog.forEach(call -> actions.add(call.action()));
		CompletableFuture<?>[] answers = backlog.stream()
				.map(call -> call.answer().handle((answer, error) -> error == null))
				.toArray(CompletableFuture[]::new);
		return CompletableFuture.allOf(answers).thenApply(ignored -> {
			long errors = backlog.stream().filter(call -> call.answer().isCompletedExceptionally()).count();
			report.put("answered", backlog.size() - errors);
			report.put("errors", errors);
			return report;
		});
	}

	private static CompletableFuture<JsonNode> waitFor(Duration duration) {
		return new CompletableFuture<JsonNode>().completeOnTimeout(Json.object(), duration.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private static int connector(JsonNode argument) {
		if (argument.isNumber()) {
			return argument.asInt();
		}
		return argument.path("connector").asInt(1);
	}

	private static String idTag(JsonNode argument) {
		if (argument.isString()) {
			return argument.stringValue();
		}
		String idTag = argument.path("idTag").asString("");
		if (idTag.isEmpty()) {
			throw new IllegalArgumentException("this step needs an idTag");
		}
		return idTag;
	}
}
