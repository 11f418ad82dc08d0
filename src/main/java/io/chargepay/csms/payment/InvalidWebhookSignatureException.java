package io.chargepay.csms.payment;

/** A webhook whose signature is missing, wrong or too old; it is not applied. */
public class InvalidWebhookSignatureException extends RuntimeException {

	public InvalidWebhookSignatureException(String message) {
		super(message);
	}
}
