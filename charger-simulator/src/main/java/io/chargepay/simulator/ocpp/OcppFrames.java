package io.chargepay.simulator.ocpp;

import io.chargepay.simulator.ocpp.OcppMessage.Call;
import io.chargepay.simulator.ocpp.OcppMessage.CallError;
import io.chargepay.simulator.ocpp.OcppMessage.CallResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * Reads and writes OCPP-J frames: {@code [2,id,action,payload]}, {@code [3,id,payload]},
 * {@code [4,id,code,description,details]}.
 */
public final class OcppFrames {

	private OcppFrames() {
	}

	public static String write(OcppMessage message) {
		ArrayNode frame = Json.MAPPER.createArrayNode();
		if (message instanceof Call call) {
			frame.add(OcppMessage.CALL).add(call.messageId()).add(call.action()).add(call.payload());
		}
		else if (message instanceof CallResult result) {
			frame.add(OcppMessage.CALL_RESULT).add(result.messageId()).add(result.payload());
		}
		else if (message instanceof CallError error) {
			frame.add(OcppMessage.CALL_ERROR).add(error.messageId()).add(error.errorCode())
					.add(error.errorDescription())
					.add(error.errorDetails() == null ? Json.object() : error.errorDetails());
		}
		return Json.write(frame);
	}

	public static OcppMessage read(String text) {
		JsonNode frame;
		try {
			frame = Json.read(text);
		}
		catch (JacksonException e) {
			throw new MalformedFrameException(null, "ProtocolError", "not JSON: " + e.getOriginalMessage());
		}
		if (!frame.isArray() || frame.size() < 3 || !frame.get(0).isIntegralNumber() || !frame.get(1).isString()) {
			throw new MalformedFrameException(null, "ProtocolError", "not an OCPP-J frame");
		}
		String messageId = frame.get(1).stringValue();
		int type = frame.get(0).asInt();
		if (type == OcppMessage.CALL && frame.size() == 4 && frame.get(2).isString() && frame.get(3).isObject()) {
			return new Call(messageId, frame.get(2).stringValue(), frame.get(3));
		}
		if (type == OcppMessage.CALL_RESULT && frame.size() == 3) {
			return new CallResult(messageId, frame.get(2));
		}
		if (type == OcppMessage.CALL_ERROR && frame.size() >= 4) {
			return new CallError(messageId, frame.get(2).asString(), frame.get(3).asString(),
					frame.size() > 4 ? frame.get(4) : Json.object());
		}
		// OCPP-J §4.2.3: a CALL that cannot be read is answered with a CALLERROR; for other frames we just drop it.
		throw new MalformedFrameException(type == OcppMessage.CALL ? messageId : null, "FormationViolation",
				"frame of type " + type + " has the wrong shape");
	}
}
