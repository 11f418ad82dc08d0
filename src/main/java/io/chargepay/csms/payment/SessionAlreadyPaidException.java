package io.chargepay.csms.payment;

/** The session is paid: it gets no new payment link. */
public class SessionAlreadyPaidException extends RuntimeException {

	public SessionAlreadyPaidException(String sessionId) {
		super("Session " + sessionId + " is already paid");
	}
}
