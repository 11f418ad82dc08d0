package io.chargepay.simulator.ocpp;

import java.util.List;

import io.chargepay.simulator.ocpp.OcppMessage.Call;

/** Fans every event out to several observers, in order. */
final class CompositeObserver implements ExchangeObserver {

	private final List<ExchangeObserver> observers;

	CompositeObserver(List<ExchangeObserver> observers) {
		this.observers = observers;
	}

	@Override
	public void connected(String chargerId, long handshakeNanos) {
		observers.forEach(o -> o.connected(chargerId, handshakeNanos));
	}

	@Override
	public void connectFailed(String chargerId, String reason) {
		observers.forEach(o -> o.connectFailed(chargerId, reason));
	}

	@Override
	public void disconnected(String chargerId, String reason) {
		observers.forEach(o -> o.disconnected(chargerId, reason));
	}

	@Override
	public void callSent(String chargerId, Call call) {
		observers.forEach(o -> o.callSent(chargerId, call));
	}

	@Override
	public void callAnswered(String chargerId, Call call, OcppMessage answer, long latencyNanos) {
		observers.forEach(o -> o.callAnswered(chargerId, call, answer, latencyNanos));
	}

	@Override
	public void callFailed(String chargerId, String action, Throwable cause, long latencyNanos) {
		observers.forEach(o -> o.callFailed(chargerId, action, cause, latencyNanos));
	}

	@Override
	public void commandReceived(String chargerId, Call call) {
		observers.forEach(o -> o.commandReceived(chargerId, call));
	}

	@Override
	public void commandAnswered(String chargerId, Call call, OcppMessage answer) {
		observers.forEach(o -> o.commandAnswered(chargerId, call, answer));
	}

	@Override
	public void note(String chargerId, String text) {
		observers.forEach(o -> o.note(chargerId, text));
	}
}
