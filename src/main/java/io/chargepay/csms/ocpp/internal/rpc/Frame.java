package io.chargepay.csms.ocpp.internal.rpc;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One OCPP-J message as read off the wire (OCPP-J 1.6 §4). */
public sealed interface Frame {

	int CALL = 2;
	int CALL_RESULT = 3;
	int CALL_ERROR = 4;
	int MAX_MESSAGE_ID_LENGTH = 36;

	record Call(String messageId, String action, ObjectNode payload) implements Frame {
	}

	record CallResult(String messageId, JsonNode payload) implements Frame {
	}

	record CallError(String messageId, String errorCode, String errorDescription) implements Frame {
	}

	/** A frame we could not read; answered with a CALLERROR when its message id could be read, otherwise dropped. */
	record Malformed(@Nullable String messageId, ErrorCode errorCode, String reason) implements Frame {
	}
}
