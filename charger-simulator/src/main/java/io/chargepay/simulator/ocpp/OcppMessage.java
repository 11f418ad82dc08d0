package io.chargepay.simulator.ocpp;

import tools.jackson.databind.JsonNode;

/** One OCPP-J frame (OCPP-J 1.6 §4): a CALL, its CALLRESULT, or a CALLERROR. */
public sealed interface OcppMessage {

	int CALL = 2;
	int CALL_RESULT = 3;
	int CALL_ERROR = 4;

	String messageId();

	record Call(String messageId, String action, JsonNode payload) implements OcppMessage {
	}

	record CallResult(String messageId, JsonNode payload) implements OcppMessage {
	}

	record CallError(String messageId, String errorCode, String errorDescription, JsonNode errorDetails)
			implements OcppMessage {
	}
}
