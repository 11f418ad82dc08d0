package io.chargepay.csms.ocpp.internal.rpc;

/** A CALLERROR we answer with: thrown where a message cannot be handled. */
public class OcppError extends RuntimeException {

	private final ErrorCode code;

	public OcppError(ErrorCode code, String description) {
		super(description);
		this.code = code;
	}

	public ErrorCode code() {
		return code;
	}

	public String description() {
		return getMessage();
	}
}
