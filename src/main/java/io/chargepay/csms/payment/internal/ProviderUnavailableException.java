package io.chargepay.csms.payment.internal;

/**
 * The provider could not be reached, timed out, or failed on its side; the call may succeed later. {@code keySpent}
 * says the provider answered, so it has stored that answer under the idempotency key (Stripe replays a stored 5xx
 * for the same key) and a retry needs a new key; a call that never got an answer keeps its key, so that a request
 * which did reach the provider is not created twice.
 */
public class ProviderUnavailableException extends RuntimeException {

	private final boolean keySpent;

	public ProviderUnavailableException(String message, boolean keySpent, Throwable cause) {
		super(message, cause);
		this.keySpent = keySpent;
	}

	public boolean keySpent() {
		return keySpent;
	}
}
