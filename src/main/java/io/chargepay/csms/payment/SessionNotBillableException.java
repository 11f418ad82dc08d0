package io.chargepay.csms.payment;

/** The session cannot have a payment link: it has not ended, never started, or is held for an operator. */
public class SessionNotBillableException extends RuntimeException {

	public SessionNotBillableException(String message) {
		super(message);
	}
}
