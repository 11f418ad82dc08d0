package io.chargepay.simulator.charger;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.chargepay.simulator.charger.command.CommandDispatcher;
import io.chargepay.simulator.ocpp.CallQueue;
import io.chargepay.simulator.ocpp.CallQueue.Delivery;
import io.chargepay.simulator.ocpp.ExchangeObserver;
import io.chargepay.simulator.ocpp.MalformedFrameException;
import io.chargepay.simulator.ocpp.NotConnectedException;
import io.chargepay.simulator.ocpp.OcppFrames;
import io.chargepay.simulator.ocpp.OcppMessage;
import io.chargepay.simulator.ocpp.OcppMessage.Call;
import io.chargepay.simulator.ocpp.OcppMessage.CallError;
import io.chargepay.simulator.ocpp.Json;
import io.chargepay.simulator.transport.ChargerCredentials;
import io.chargepay.simulator.transport.Lane;
import io.chargepay.simulator.transport.OcppWebSocket;
import tools.jackson.databind.JsonNode;

/**
 * The charger's side of the connection: connect and reconnect with back-off, BootNotification until accepted
 * (OCPP 1.6 §4.2), heartbeats, the CSMS's commands, simulated network loss, and reboots. Runs on the charger's lane.
 */
final class ChargerLink {

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
	private static final Duration LAST_RETRY = Duration.ofSeconds(30);
	private static final Duration BOOT_RETRY = Duration.ofSeconds(10);

	private final ChargePoint charger;
	private final HttpClient http;
	private final CommandInbox inbox;
	private final CallQueue calls;
	private final ExchangeObserver observer;
	private final Lane lane;
	private final String id;
	private final PeriodicTimer heartbeat;
	private OcppWebSocket socket;
	private boolean connecting;
	private boolean accepted;
	private boolean wantOnline;
	private boolean stopped;
	private Duration backoff = FIRST_RETRY;
	private Lane.Cancellable retry = Lane.Cancellable.NONE;
	private CompletableFuture<JsonNode> bootAnswer = new CompletableFuture<>();

	ChargerLink(ChargePoint charger, HttpClient http, CommandDispatcher commands) {
		this.charger = charger;
		this.http = http;
		this.inbox = new CommandInbox(charger.id(), commands, new ChargerCommandTarget(charger, this),
				charger.observer());
		this.calls = charger.calls();
		this.observer = charger.observer();
		this.lane = charger.lane();
		this.id = charger.id();
		this.heartbeat = new PeriodicTimer(lane,
				() -> charger.configuration().seconds(ChargerConfiguration.HEARTBEAT_INTERVAL),
				() -> calls.call("Heartbeat", ChargerRequests::heartbeat, Delivery.BEST_EFFORT));
	}

	CompletableFuture<JsonNode> start() {
		wantOnline = true;
		connect();
		return bootAnswer;
	}

	void goOffline() {
		wantOnline = false;
		retry.cancel();
		if (socket != null) {
			OcppWebSocket dropped = socket;
			dropped.abort();
			disconnected("offline: network loss simulated");
		}
	}

	void goOnline() {
		wantOnline = true;
		backoff = FIRST_RETRY;
		retry.cancel();
		connect();
	}

	/** Stops the transactions, leaves, and comes back with a fresh BootNotification; completes with its answer. */
	CompletableFuture<JsonNode> reboot(String stopReason, boolean graceful) {
		observer.note(id, "rebooting (" + stopReason + ")");
		for (Connector connector : charger.connectors()) {
			if (connector.transaction() != null) {
				charger.transactions().stop(connector, stopReason);
			}
		}
		CompletableFuture<JsonNode> nextBoot = new CompletableFuture<>();
		bootAnswer = nextBoot;
		if (graceful) {
			// A soft reset lets the StopTransactions go out first; a bounded wait, as the CSMS may not answer.
			calls.whenDrained()
					.completeOnTimeout(null, charger.settings().callTimeout().toMillis(), TimeUnit.MILLISECONDS)
					.whenComplete((ignored, error) -> lane.execute(this::restart));
		}
		else {
			restart();
		}
		return nextBoot;
	}

	void shutdown() {
		stopped = true;
		wantOnline = false;
		retry.cancel();
		if (socket != null) {
			socket.close("simulator stopping");
			disconnected("simulator stopping");
		}
	}

	CompletableFuture<JsonNode> nextCommand(String action) {
		return inbox.next(action);
	}

	void heartbeatIntervalChanged() {
		if (accepted && socket != null) {
			heartbeat.start();
		}
	}

	/** TriggerMessage BootNotification: the answer is handled like any boot answer. */
	void sendBootNotification() {
		calls.call("BootNotification", () -> ChargerRequests.boot(id), Delivery.BOOT).whenComplete(this::bootAnswered);
	}

	String describe() {
		if (socket == null) {
			return connecting ? "connecting" : wantOnline ? "disconnected, will retry" : "offline";
		}
		return accepted ? "online, accepted" : "online, waiting for BootNotification to be accepted";
	}

	private void connect() {
		if (stopped || !wantOnline || socket != null || connecting) {
			return;
		}
		connecting = true;
		long began = lane.nanoTime();
		ChargerSettings settings = charger.settings();
		OcppWebSocket.connect(http, settings.url(), new ChargerCredentials(id, settings.password()),
				settings.connectTimeout(), new Events())
				.whenComplete((opened, error) -> lane.execute(() -> connected(opened, error, began)));
	}

	private void connected(OcppWebSocket opened, Throwable error, long began) {
		connecting = false;
		if (error != null) {
			observer.connectFailed(id, String.valueOf(unwrap(error).getMessage()));
			retryLater();
			return;
		}
		if (stopped || !wantOnline) {
			opened.close("no longer wanted");
			return;
		}
		socket = opened;
		backoff = FIRST_RETRY;
		observer.connected(id, lane.nanoTime() - began);
		if (accepted) {
			calls.open(opened::send);
			charger.reportAllConnectors();
			heartbeat.start();
		}
		else {
			calls.openForBoot(opened::send);
			sendBootNotification();
		}
	}

	private void bootAnswered(JsonNode answer, Throwable error) {
		if (error != null) {
			// Offline: the next connection boots again. Otherwise (timeout, CALLERROR) try again a little later.
			if (!(error instanceof NotConnectedException) && socket != null && !accepted) {
				retry = lane.schedule(BOOT_RETRY, this::bootAgain);
			}
			return;
		}
		bootAnswer.complete(answer);
		String status = answer.path("status").asString("");
		long interval = answer.path("interval").asLong(0);
		if (!"Accepted".equals(status)) {
			Duration wait = interval > 0 ? Duration.ofSeconds(interval) : BOOT_RETRY;
			observer.note(id, "BootNotification " + status + "; trying again in " + wait.toSeconds() + " s");
			retry = lane.schedule(wait, this::bootAgain);
			return;
		}
		accepted = true;
		Duration override = charger.settings().heartbeatInterval();
		charger.configuration().set(ChargerConfiguration.HEARTBEAT_INTERVAL,
				Long.toString(override != null ? override.toSeconds() : interval));
		if (socket != null) {
			calls.open(socket::send);
			charger.reportAllConnectors();
			heartbeat.start();
		}
	}

	private void bootAgain() {
		if (socket != null && !accepted && !stopped) {
			sendBootNotification();
		}
	}

	private void restart() {
		accepted = false;
		heartbeat.stop();
		retry.cancel();
		for (Connector connector : charger.connectors()) {
			connector.plugged(false);
			connector.status(connector.idleStatus());
		}
		if (socket != null) {
			socket.close("rebooting");
			disconnected("rebooting");
		}
		if (wantOnline && !stopped) {
			retry = lane.schedule(charger.settings().rebootDelay(), this::connect);
		}
	}

	private void received(OcppWebSocket from, String text) {
		boolean current = from == socket || (socket == null && connecting);
		if (!current) {
			return;
		}
		OcppMessage message;
		try {
			message = OcppFrames.read(text);
		}
		catch (MalformedFrameException e) {
			observer.note(id, "unreadable frame (" + e.getMessage() + "): " + text);
			if (e.messageId() != null) {
				from.send(OcppFrames.write(new CallError(e.messageId(), e.errorCode(), e.getMessage(), Json.object())));
			}
			return;
		}
		if (message instanceof Call call) {
			inbox.answer(from, call);
		}
		else if (!calls.answer(message)) {
			observer.note(id, "ignored an answer to message " + message.messageId() + " that nothing waits for");
		}
	}

	private void lost(OcppWebSocket from, String reason) {
		if (from == socket) {
			disconnected(reason);
			retryLater();
		}
	}

	private void disconnected(String reason) {
		socket = null;
		calls.connectionLost();
		heartbeat.stop();
		observer.disconnected(id, reason);
	}

	private void retryLater() {
		if (stopped || !wantOnline) {
			return;
		}
		retry.cancel();
		retry = lane.schedule(backoff, this::connect);
		backoff = backoff.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : backoff.multipliedBy(2);
	}

	private static Throwable unwrap(Throwable error) {
		return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
	}

	/** Socket callbacks arrive on the HTTP client's threads; the work happens on the lane. */
	private final class Events implements OcppWebSocket.Listener {

		@Override
		public void onText(OcppWebSocket from, String text) {
			lane.execute(() -> received(from, text));
		}

		@Override
		public void onClosed(OcppWebSocket from, String reason) {
			lane.execute(() -> lost(from, reason));
		}
	}
}
