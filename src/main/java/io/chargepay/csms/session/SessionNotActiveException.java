package io.chargepay.csms.session;

public class SessionNotActiveException extends RuntimeException {

	public SessionNotActiveException(String sessionId, SessionStatus status) {
		super("Session " + sessionId + " is " + status + ", not ACTIVE");
	}
}
