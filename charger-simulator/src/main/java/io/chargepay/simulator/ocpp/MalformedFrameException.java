package io.chargepay.simulator.ocpp;

/** A frame we could not read. When it still had a message id, the peer gets a CALLERROR for it. */
public final class MalformedFrameException extends RuntimeException {

	private final String messageId;
	private final String errorCode;

	public MalformedFrameException(String messageId, String errorCode, String message) {
		super(message);
		this.messageId = messageId;
		this.errorCode = errorCode;
	}

	/** The message id of the unreadable frame, or null when even that could not be read. */
	public String messageId() {
		return messageId;
	}

	public String errorCode() {
		return errorCode;
	}
}
