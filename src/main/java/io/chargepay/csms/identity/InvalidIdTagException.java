package io.chargepay.csms.identity;

public class InvalidIdTagException extends IllegalArgumentException {

	public InvalidIdTagException(int maxLength) {
		super("An idTag is 1 to " + maxLength + " characters long (OCPP CiString20)");
	}
}
