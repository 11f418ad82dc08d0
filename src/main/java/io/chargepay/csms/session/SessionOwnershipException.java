package io.chargepay.csms.session;

/** The userId a stop names is not the session's owner (the specification's user validation). */
public class SessionOwnershipException extends RuntimeException {

	public SessionOwnershipException(String sessionId, String userId) {
		super("Session " + sessionId + " was not started by user " + userId);
	}
}
