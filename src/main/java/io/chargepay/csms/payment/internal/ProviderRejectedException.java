package io.chargepay.csms.payment.internal;

/** The provider refused the request (a 4xx): retrying the same request cannot succeed. The message is the provider's. */
public class ProviderRejectedException extends RuntimeException {

	public ProviderRejectedException(String message, Throwable cause) {
		super(message, cause);
	}
}
