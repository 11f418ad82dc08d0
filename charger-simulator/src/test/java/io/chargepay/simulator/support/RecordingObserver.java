package io.chargepay.simulator.support;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import io.chargepay.simulator.ocpp.ExchangeObserver;
import io.chargepay.simulator.ocpp.OcppMessage;
import io.chargepay.simulator.ocpp.OcppMessage.Call;

/** Keeps what chargers report, for assertions; the first connection failure also completes a future. */
public final class RecordingObserver implements ExchangeObserver {

	private final List<String> events = new CopyOnWriteArrayList<>();
	private final CompletableFuture<String> firstConnectFailure = new CompletableFuture<>();

	@Override
	public void connected(String chargerId, long handshakeNanos) {
		events.add(chargerId + " connected");
	}

	@Override
	public void connectFailed(String chargerId, String reason) {
		events.add(chargerId + " connect failed: " + reason);
		firstConnectFailure.complete(reason);
	}

	@Override
	public void disconnected(String chargerId, String reason) {
		events.add(chargerId + " disconnected: " + reason);
	}

	@Override
	public void callFailed(String chargerId, String action, Throwable cause, long latencyNanos) {
		events.add(chargerId + " " + action + " failed: " + cause.getMessage());
	}

	@Override
	public void commandAnswered(String chargerId, Call call, OcppMessage answer) {
		events.add(chargerId + " answered " + call.action());
	}

	@Override
	public void note(String chargerId, String text) {
		events.add(chargerId + " " + text);
	}

	public List<String> events() {
		return List.copyOf(events);
	}

	public CompletableFuture<String> firstConnectFailure() {
		return firstConnectFailure;
	}
}
