package io.chargepay.csms.payment;

/** The payment provider could not be reached or failed (5xx, timeout); nothing was changed, try again later. */
public class PaymentProviderUnavailableException extends RuntimeException {

	public PaymentProviderUnavailableException(String message) {
		super(message);
	}
}
