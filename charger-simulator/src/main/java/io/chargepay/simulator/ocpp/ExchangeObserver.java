package io.chargepay.simulator.ocpp;

import java.util.List;

import io.chargepay.simulator.ocpp.OcppMessage.Call;

/**
 * What a charger tells the outside world about its OCPP traffic: the console log in charger and scenario mode, the
 * statistics in load mode. Called from the charger's own lane, so implementations only need to be safe across chargers.
 */
public interface ExchangeObserver {

	ExchangeObserver NONE = new ExchangeObserver() {
	};

	default void connected(String chargerId, long handshakeNanos) {
	}

	default void connectFailed(String chargerId, String reason) {
	}

	default void disconnected(String chargerId, String reason) {
	}

	/** We sent a CALL of our own. */
	default void callSent(String chargerId, Call call) {
	}

	/** Our CALL got a CALLRESULT or a CALLERROR. */
	default void callAnswered(String chargerId, Call call, OcppMessage answer, long latencyNanos) {
	}

	/** Our CALL got no answer: timed out, or the connection went away while it was in flight. */
	default void callFailed(String chargerId, String action, Throwable cause, long latencyNanos) {
	}

	/** The CSMS sent us a CALL. */
	default void commandReceived(String chargerId, Call call) {
	}

	/** We answered the CSMS's CALL. */
	default void commandAnswered(String chargerId, Call call, OcppMessage answer) {
	}

	/** Anything else worth a line: state changes, ignored frames, keyboard input. */
	default void note(String chargerId, String text) {
	}

	static ExchangeObserver all(List<ExchangeObserver> observers) {
		return new CompositeObserver(List.copyOf(observers));
	}
}
