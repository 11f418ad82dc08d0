package io.chargepay.simulator.charger;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.chargepay.simulator.ocpp.CallQueue;
import io.chargepay.simulator.ocpp.CallQueue.Delivery;
import io.chargepay.simulator.ocpp.ExchangeObserver;
import io.chargepay.simulator.ocpp.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Transactions on the charger's connectors: start, meter, stop, and the RFID and cable events that lead to them. Runs
 * on the charger's lane. Start, meter values and stop are transaction-related messages, so they queue while offline.
 */
final class TransactionControl {

	private final String chargerId;
	private final CallQueue calls;
	private final List<Connector> connectors;
	private final ChargerConfiguration configuration;
	private final Clock clock;
	private final ExchangeObserver observer;
	private final StatusChanges status;
	private Supplier<Object> lastStop;

	TransactionControl(String chargerId, CallQueue calls, List<Connector> connectors,
			ChargerConfiguration configuration, Clock clock, ExchangeObserver observer, StatusChanges status) {
		this.chargerId = chargerId;
		this.calls = calls;
		this.connectors = connectors;
		this.configuration = configuration;
		this.clock = clock;
		this.observer = observer;
		this.status = status;
	}

	/** StartTransaction on the connector, then metering until stopped. Completes with the StartTransaction answer. */
	CompletableFuture<JsonNode> start(Connector connector, String idTag) {
		if (!connector.free()) {
			return CompletableFuture.failedFuture(
					new IllegalStateException("connector " + connector.id() + " is busy or unavailable"));
		}
		connector.plugged(true);
		status.report(connector, "Preparing");
		Transaction transaction = new Transaction(connector.id(), idTag, connector.meter().read().energyWh(),
				clock.instant());
		connector.transaction(transaction);
		connector.meter().startFlow();
		CompletableFuture<JsonNode> answer = calls.call("StartTransaction",
				() -> ChargerRequests.startTransaction(transaction), Delivery.TRANSACTIONAL);
		status.report(connector, "Charging");
		connector.meterTimer().start();
		answer.whenComplete((started, error) -> started(connector, transaction, started, error));
		return answer;
	}

	/** StopTransaction with the meter as it stands now. Completes with the StopTransaction answer. */
	CompletableFuture<JsonNode> stop(Connector connector, String reason) {
		Transaction transaction = connector.transaction();
		if (transaction == null) {
			return CompletableFuture.failedFuture(
					new IllegalStateException("no transaction on connector " + connector.id()));
		}
		connector.transaction(null);
		connector.meterTimer().stop();
		connector.meter().stopFlow();
		MeterReading last = connector.meter().read();
		status.report(connector, "Finishing");
		Supplier<Object> payload = () -> ChargerRequests.stopTransaction(transaction, last.energyWh(), last.at(),
				reason);
		lastStop = payload;
		CompletableFuture<JsonNode> answer = calls.call("StopTransaction", payload, Delivery.TRANSACTIONAL);
		// The simulated driver takes the cable at once, so the connector is free for the next transaction.
		connector.plugged(false);
		if (connector.scheduledOperative() != null) {
			connector.operative(connector.scheduledOperative());
		}
		status.report(connector, connector.idleStatus());
		return answer;
	}

	/** Sends the last StopTransaction again, unchanged: what a charger does that never saw the first answer. */
	CompletableFuture<JsonNode> repeatLastStop() {
		if (lastStop == null) {
			return CompletableFuture.failedFuture(new IllegalStateException("no StopTransaction sent yet"));
		}
		return calls.call("StopTransaction", lastStop, Delivery.TRANSACTIONAL);
	}

	/** One MeterValues sample; transaction-related (and so queued offline) only while a transaction runs. */
	CompletableFuture<JsonNode> sample(Connector connector, String context) {
		Transaction transaction = connector.transaction();
		MeterReading reading = connector.meter().read();
		List<String> measurands = configuration.list(ChargerConfiguration.METER_VALUES_SAMPLED_DATA);
		Delivery delivery = transaction == null ? Delivery.BEST_EFFORT : Delivery.TRANSACTIONAL;
		return calls.call("MeterValues", () -> ChargerRequests.meterValues(connector.id(),
				transaction == null ? null : transaction.idOrNull(), reading, context, measurands), delivery);
	}

	/**
	 * An RFID card at the reader: the same card again stops its transaction; otherwise Authorize and, when accepted,
	 * start on a plugged-in or else the first free connector. Completes with the answers by action name.
	 */
	CompletableFuture<JsonNode> tap(String idTag) {
		ObjectNode exchanges = Json.object();
		for (Connector connector : connectors) {
			Transaction running = connector.transaction();
			if (running != null && running.idTag().equals(idTag)) {
				return stop(connector, "Local").thenApply(answer -> exchanges.set("StopTransaction", answer));
			}
		}
		Connector target = tapTarget();
		if (target == null) {
			return CompletableFuture.failedFuture(new IllegalStateException("no free connector for " + idTag));
		}
		return calls.call("Authorize", () -> new ChargerRequests.Authorize(idTag), Delivery.BEST_EFFORT)
				.thenCompose(authorized -> {
					exchanges.set("Authorize", authorized);
					String verdict = authorized.path("idTagInfo").path("status").asString("");
					if (!"Accepted".equals(verdict)) {
						observer.note(chargerId, idTag + " not authorized (" + verdict + "); no transaction");
						return CompletableFuture.completedFuture(exchanges);
					}
					return start(target, idTag).thenApply(started -> exchanges.set("StartTransaction", started));
				});
	}

	/** The remote start of §5.11, with Authorize first when AuthorizeRemoteTxRequests is true. */
	CompletableFuture<JsonNode> remoteStart(Connector connector, String idTag) {
		if (!configuration.enabled(ChargerConfiguration.AUTHORIZE_REMOTE_TX_REQUESTS)) {
			return start(connector, idTag);
		}
		return calls.call("Authorize", () -> new ChargerRequests.Authorize(idTag), Delivery.BEST_EFFORT)
				.thenCompose(authorized -> "Accepted".equals(authorized.path("idTagInfo").path("status").asString(""))
						? start(connector, idTag)
						: CompletableFuture.completedFuture(authorized));
	}

	void plug(Connector connector) {
		connector.plugged(true);
		if (connector.transaction() == null) {
			status.report(connector, connector.idleStatus());
		}
	}

	/** Pulling the cable ends a running transaction with EVDisconnected (StopTransactionOnEVSideDisconnect). */
	CompletableFuture<JsonNode> unplug(Connector connector) {
		if (connector.transaction() != null) {
			return stop(connector, "EVDisconnected");
		}
		connector.plugged(false);
		status.report(connector, connector.idleStatus());
		return CompletableFuture.completedFuture(Json.object());
	}

	private Connector tapTarget() {
		Connector firstFree = null;
		for (Connector connector : connectors) {
			if (connector.free() && connector.plugged()) {
				return connector;
			}
			if (connector.free() && firstFree == null) {
				firstFree = connector;
			}
		}
		return firstFree;
	}

	private void started(Connector connector, Transaction transaction, JsonNode answer, Throwable error) {
		if (error != null) {
			transaction.startFailed(error);
			if (connector.transaction() == transaction) {
				// Without a transactionId the CSMS can never be told about a stop, so end the transaction quietly.
				observer.note(chargerId, "transaction on connector " + connector.id() + " abandoned: " + error.getMessage());
				connector.transaction(null);
				connector.meterTimer().stop();
				connector.meter().stopFlow();
				connector.plugged(false);
				status.report(connector, connector.idleStatus());
			}
			return;
		}
		transaction.assignId(answer.path("transactionId").asInt());
		String verdict = answer.path("idTagInfo").path("status").asString("");
		if (!"Accepted".equals(verdict) && connector.transaction() == transaction
				&& configuration.enabled(ChargerConfiguration.STOP_TRANSACTION_ON_INVALID_ID)) {
			observer.note(chargerId, "idTag " + transaction.idTag() + " is " + verdict + "; stopping (DeAuthorized)");
			stop(connector, "DeAuthorized");
		}
	}
}
