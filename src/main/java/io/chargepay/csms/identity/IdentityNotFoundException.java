package io.chargepay.csms.identity;

/** A user, idTag or wallet that does not exist. */
public class IdentityNotFoundException extends RuntimeException {

	public IdentityNotFoundException(String message) {
		super(message);
	}
}
