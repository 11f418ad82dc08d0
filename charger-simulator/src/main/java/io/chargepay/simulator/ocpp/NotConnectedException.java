package io.chargepay.simulator.ocpp;

/** A call that could not be delivered because the charger was, or went, offline, and it is not one we queue. */
public final class NotConnectedException extends RuntimeException {

	public NotConnectedException(String action) {
		super(action + " not sent: charger is offline");
	}
}
