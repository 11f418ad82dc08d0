package io.chargepay.csms.identity;

/** A user, idTag or wallet that already exists. */
public class IdentityConflictException extends RuntimeException {

	public IdentityConflictException(String message) {
		super(message);
	}
}
