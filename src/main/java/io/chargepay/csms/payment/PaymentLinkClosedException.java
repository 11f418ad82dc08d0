package io.chargepay.csms.payment;

/** The link can no longer be paid: it expired, was replaced, or failed. */
public class PaymentLinkClosedException extends RuntimeException {

	public PaymentLinkClosedException(String message) {
		super(message);
	}
}
