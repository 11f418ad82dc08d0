package io.chargepay.simulator.charger;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.chargepay.simulator.charger.command.CommandDispatcher;
import io.chargepay.simulator.ocpp.CallQueue;
import io.chargepay.simulator.ocpp.CallQueue.Delivery;
import io.chargepay.simulator.ocpp.CallQueue.QueuedCall;
import io.chargepay.simulator.ocpp.ExchangeObserver;
import io.chargepay.simulator.ocpp.NotConnectedException;
import io.chargepay.simulator.transport.Lane;
import tools.jackson.databind.JsonNode;

/**
 * One simulated charge point. Everything it does runs on its {@link Lane}; the public methods only post work there
 * and hand back a future, so a keyboard thread, a scenario script and the CSMS's commands can all drive it safely.
 */
public final class ChargePoint {

	private final ChargerSettings settings;
	private final Lane lane;
	private final ExchangeObserver observer;
	private final Clock clock;
	private final CallQueue calls;
	private final ChargerConfiguration configuration;
	private final List<Connector> connectors = new ArrayList<>();
	private final TransactionControl transactions;
	private final ChargerLink link;

	public ChargePoint(ChargerSettings settings, Lane lane, HttpClient http, ExchangeObserver observer, Clock clock) {
		this.settings = settings;
		this.lane = lane;
		this.observer = observer;
		this.clock = clock;
		this.calls = new CallQueue(settings.chargerId(), lane, settings.callTimeout(), observer);
		this.configuration = new ChargerConfiguration(settings.connectors(), settings.meterInterval());
		for (int id = 1; id <= settings.connectors(); id++) {
			EnergyMeter meter = new EnergyMeter(clock, settings.powerKw() * 1000, 0);
			int connectorId = id;
			connectors.add(new Connector(id, meter, new PeriodicTimer(lane,
					() -> configuration.seconds(ChargerConfiguration.METER_VALUE_SAMPLE_INTERVAL),
					() -> transactions().sample(connector(connectorId), "Sample.Periodic"))));
		}
		this.transactions = new TransactionControl(settings.chargerId(), calls, connectors, configuration, clock,
				observer, this::changeStatus);
		this.link = new ChargerLink(this, http, CommandDispatcher.standard());
		configuration.onChange(this::configurationChanged);
	}

	public String id() {
		return settings.chargerId();
	}

	/** Connects and boots; completes with the first BootNotification answer, whatever its status. */
	public CompletableFuture<JsonNode> start() {
		return onLane(link::start);
	}

	public CompletableFuture<JsonNode> heartbeat() {
		return onLane(() -> calls.call("Heartbeat", ChargerRequests::heartbeat, Delivery.BEST_EFFORT));
	}

	public CompletableFuture<JsonNode> statusNotification(int connectorId, String status) {
		return onLane(() -> {
			if (connectorId != 0) {
				connector(connectorId).status(status);
			}
			return sendStatus(connectorId, status);
		});
	}

	public CompletableFuture<JsonNode> authorize(String idTag) {
		return onLane(() -> calls.call("Authorize", () -> new ChargerRequests.Authorize(idTag), Delivery.BEST_EFFORT));
	}

	public CompletableFuture<JsonNode> startTransaction(int connectorId, String idTag) {
		return onLane(() -> transactions.start(connector(connectorId), idTag));
	}

	public CompletableFuture<JsonNode> stopTransaction(int connectorId, String reason) {
		return onLane(() -> transactions.stop(connector(connectorId), reason));
	}

	public CompletableFuture<JsonNode> repeatLastStop() {
		return onLane(transactions::repeatLastStop);
	}

	public CompletableFuture<JsonNode> meterValues(int connectorId) {
		return onLane(() -> transactions.sample(connector(connectorId), "Sample.Periodic"));
	}

	public CompletableFuture<JsonNode> tap(String idTag) {
		return onLane(() -> transactions.tap(idTag));
	}

	public CompletableFuture<JsonNode> plug(int connectorId) {
		return onLane(() -> {
			transactions.plug(connector(connectorId));
			return CompletableFuture.completedFuture(null);
		});
	}

	public CompletableFuture<JsonNode> unplug(int connectorId) {
		return onLane(() -> transactions.unplug(connector(connectorId)));
	}

	/** Any CALL with a payload of the caller's choosing, for scripted tests of the CSMS. */
	public CompletableFuture<JsonNode> send(String action, JsonNode payload, Delivery delivery) {
		return onLane(() -> calls.call(action, () -> payload, delivery));
	}

	/** Drops the connection the way a lost network does and stays offline; transaction messages queue meanwhile. */
	public CompletableFuture<Void> goOffline() {
		return onLane(() -> {
			link.goOffline();
			return CompletableFuture.completedFuture(null);
		});
	}

	/** Reconnects; completes with the backlog as it stood, whose answers arrive as it is delivered in order. */
	public CompletableFuture<List<QueuedCall>> goOnline() {
		return onLane(() -> {
			List<QueuedCall> backlog = calls.waitingCalls();
			link.goOnline();
			return CompletableFuture.completedFuture(backlog);
		});
	}

	/** A local reboot (reason Reboot for running transactions); completes with the new BootNotification answer. */
	public CompletableFuture<JsonNode> reboot() {
		return onLane(() -> link.reboot("Reboot", true));
	}

	/**
	 * The first CALL with this action from the CSMS that no earlier call of this method claimed; the charger handles it
	 * as usual either way.
	 */
	public CompletableFuture<JsonNode> nextCommand(String action) {
		return onLane(() -> link.nextCommand(action));
	}

	/** Completes once no call of ours waits or is in flight. */
	public CompletableFuture<Void> whenIdle() {
		return onLane(calls::whenDrained);
	}

	/** Ends transactions' metering, closes the connection and gives up on unsent calls. */
	public CompletableFuture<Void> shutdown() {
		return onLane(() -> {
			connectors.forEach(connector -> connector.meterTimer().stop());
			link.shutdown();
			calls.failAll(new NotConnectedException("shutdown"));
			return CompletableFuture.completedFuture(null);
		});
	}

	/** A one-line picture of the charger, for the keyboard's {@code status} command. */
	public CompletableFuture<String> describe() {
		return onLane(() -> {
			StringBuilder text = new StringBuilder(link.describe()).append(", ").append(calls.size())
					.append(" call(s) pending");
			for (Connector connector : connectors) {
				Transaction transaction = connector.transaction();
				text.append("; connector ").append(connector.id()).append(' ').append(connector.status())
						.append(", meter ").append(connector.meter().read().energyWh()).append(" Wh");
				if (transaction != null) {
					text.append(", transaction ").append(transaction.idOrNull()).append(" for ")
							.append(transaction.idTag());
				}
			}
			return CompletableFuture.completedFuture(text.toString());
		});
	}

	// ---- used by ChargerLink and ChargerCommandTarget, always on the lane ----

	ChargerSettings settings() {
		return settings;
	}

	Lane lane() {
		return lane;
	}

	ExchangeObserver observer() {
		return observer;
	}

	CallQueue calls() {
		return calls;
	}

	ChargerConfiguration configuration() {
		return configuration;
	}

	TransactionControl transactions() {
		return transactions;
	}

	List<Connector> connectors() {
		return connectors;
	}

	Connector connector(int connectorId) {
		if (connectorId < 1 || connectorId > connectors.size()) {
			throw new IllegalArgumentException("no connector " + connectorId + " (this charger has "
					+ connectors.size() + ")");
		}
		return connectors.get(connectorId - 1);
	}

	/** StatusNotification for connector 0 (the charger itself) and each connector, as after a boot. */
	void reportAllConnectors() {
		boolean anyOperative = connectors.stream().anyMatch(Connector::operative);
		sendStatus(0, anyOperative ? "Available" : "Unavailable");
		connectors.forEach(connector -> sendStatus(connector.id(), connector.status()));
	}

	CompletableFuture<JsonNode> sendStatus(int connectorId, String status) {
		return calls.call("StatusNotification", () -> ChargerRequests.status(connectorId, status, clock.instant()),
				Delivery.BEST_EFFORT);
	}

	void changeStatus(Connector connector, String status) {
		if (!status.equals(connector.status())) {
			connector.status(status);
			sendStatus(connector.id(), status);
		}
	}

	private void configurationChanged(String key) {
		if (ChargerConfiguration.HEARTBEAT_INTERVAL.equals(key)) {
			link.heartbeatIntervalChanged();
		}
		else if (ChargerConfiguration.METER_VALUE_SAMPLE_INTERVAL.equals(key)) {
			connectors.stream().filter(connector -> connector.transaction() != null)
					.forEach(connector -> connector.meterTimer().start());
		}
	}

	/** Runs the work on the lane and relays its future's outcome, including a failure to even begin. */
	private <T> CompletableFuture<T> onLane(Supplier<CompletableFuture<T>> work) {
		CompletableFuture<T> result = new CompletableFuture<>();
		lane.execute(() -> {
			try {
				work.get().whenComplete((value, error) -> {
					if (error != null) {
						result.completeExceptionally(error);
					}
					else {
						result.complete(value);
					}
				});
			}
			catch (RuntimeException e) {
				result.completeExceptionally(e);
			}
		});
		return result;
	}
}
