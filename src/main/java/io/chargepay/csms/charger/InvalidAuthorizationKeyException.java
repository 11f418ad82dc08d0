package io.chargepay.csms.charger;

public class InvalidAuthorizationKeyException extends IllegalArgumentException {

	public InvalidAuthorizationKeyException(int min, int max) {
		super("A charger's AuthorizationKey must be " + min + " to " + max + " characters long");
	}
}
