package io.chargepay.simulator.charger.command;

/** A command payload that breaks the schema, answered with the matching OCPP-J CALLERROR code (§4.2.3). */
public final class PayloadException extends RuntimeException {

	private final String errorCode;

	public PayloadException(String errorCode, String message) {
		super(message);
		this.errorCode = errorCode;
	}

	public String errorCode() {
		return errorCode;
	}
}
