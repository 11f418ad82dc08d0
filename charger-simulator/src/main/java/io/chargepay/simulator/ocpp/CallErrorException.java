package io.chargepay.simulator.ocpp;

/** The CSMS answered our CALL with a CALLERROR. */
public final class CallErrorException extends RuntimeException {

	private final String errorCode;

	public CallErrorException(String action, String errorCode, String description) {
		super(action + " answered with CALLERROR " + errorCode + (description.isEmpty() ? "" : ": " + description));
		this.errorCode = errorCode;
	}

	public String errorCode() {
		return errorCode;
	}
}
