package io.chargepay.csms.session;

public class UnknownSessionException extends RuntimeException {

	public UnknownSessionException(String sessionId) {
		super("Session " + sessionId + " does not exist");
	}
}
