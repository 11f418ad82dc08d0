package io.chargepay.csms.ocpp.internal.rpc;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Reads and writes OCPP-J frames: {@code [2,id,action,payload]}, {@code [3,id,payload]}, {@code [4,id,code,description,details]}. */
public final class FrameCodec {

	/** Finds the message id of a frame that is not valid JSON, so the sender still learns what went wrong. */
	private static final Pattern MESSAGE_ID = Pattern.compile("^\\s*\\[\\s*2\\s*,\\s*\"([^\"\\\\]{1,36})\"");

	private final JsonMapper json;

	public FrameCodec(JsonMapper json) {
		this.json = json;
	}

	public Frame read(String text) {
		JsonNode root;
		try {
			root = json.readTree(text);
		}
		catch (JacksonException notJson) {
			return new Frame.Malformed(salvageMessageId(text), ErrorCode.FormationViolation, "Message is not valid JSON");
		}
		if (!(root instanceof ArrayNode array) || array.size() < 2 || !array.get(0).isIntegralNumber()
				|| !array.get(1).isString()) {
			return new Frame.Malformed(answerableMessageIdOf(root), ErrorCode.FormationViolation,
					"Message is not an OCPP-J array [messageTypeId, messageId, ...]");
		}
		String messageId = array.get(1).asString();
		int messageType = array.get(0).asInt();
		// A malformed answer is never answered (that would answer an answer); it is dropped and counted.
		if (messageType == Frame.CALL_RESULT) {
			return array.size() == 3 && array.get(2).isObject() ? new Frame.CallResult(messageId, array.get(2))
					: new Frame.Malformed(null, ErrorCode.FormationViolation, "CALLRESULT must be [3, id, {payload}]");
		}
		if (messageType == Frame.CALL_ERROR) {
			return array.size() == 5 && array.get(2).isString() && array.get(3).isString()
					? new Frame.CallError(messageId, array.get(2).asString(), array.get(3).asString())
					: new Frame.Malformed(null, ErrorCode.FormationViolation,
							"CALLERROR must be [4, id, code, description, {details}]");
		}
		if (messageId.isEmpty() || messageId.length() > Frame.MAX_MESSAGE_ID_LENGTH) {
			return new Frame.Malformed(messageId, ErrorCode.ProtocolError, "Message id must be 1 to 36 characters");
		}
		return messageType == Frame.CALL ? readCall(array, messageId)
				: new Frame.Malformed(messageId, ErrorCode.ProtocolError, "Unknown message type " + messageType);
	}

	private static Frame readCall(ArrayNode array, String messageId) {
		if (array.size() != 4 || !array.get(2).isString() || !(array.get(3) instanceof ObjectNode payload)) {
			return new Frame.Malformed(messageId, ErrorCode.FormationViolation, "CALL must be [2, id, action, {payload}]");
		}
		return new Frame.Call(messageId, array.get(2).asString(), payload);
	}

	public String callResult(String messageId, Object payload) {
		return json.writeValueAsString(new Object[] { Frame.CALL_RESULT, messageId, payload });
	}

	public String callError(String messageId, ErrorCode code, String description) {
		return json.writeValueAsString(new Object[] { Frame.CALL_ERROR, messageId, code.name(), description, Map.of() });
	}

	public String call(String messageId, String action, Object payload) {
		return json.writeValueAsString(new Object[] { Frame.CALL, messageId, action, payload });
	}

	public <T> T convert(JsonNode node, Class<T> type) {
		return json.treeToValue(node, type);
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> toMap(JsonNode node) {
		return json.convertValue(node, Map.class);
	}

	public String write(JsonNode node) {
		return json.writeValueAsString(node);
	}

	/** The message id of an array whose message type is not even a number: it may be a CALL, so it is answered. */
	private static @Nullable String answerableMessageIdOf(JsonNode root) {
		if (root instanceof ArrayNode array && array.size() > 1 && array.get(1).isString()) {
			String id = array.get(1).asString();
			return id.isEmpty() || id.length() > Frame.MAX_MESSAGE_ID_LENGTH ? null : id;
		}
		return null;
	}

	private static @Nullable String salvageMessageId(String text) {
		Matcher matcher = MESSAGE_ID.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}
}
