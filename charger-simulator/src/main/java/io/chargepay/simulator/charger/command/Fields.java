package io.chargepay.simulator.charger.command;

import java.util.Set;

import tools.jackson.databind.JsonNode;

/** Reads command fields, turning a missing or mistyped field into the CALLERROR code OCPP-J names for it. */
final class Fields {

	private Fields() {
	}

	static int requireInt(JsonNode payload, String name) {
		JsonNode field = require(payload, name);
		if (!field.isIntegralNumber() || !field.canConvertToInt()) {
			throw new PayloadException("TypeConstraintViolation", name + " must be an integer");
		}
		return field.intValue();
	}

	static Integer optionalInt(JsonNode payload, String name) {
		return payload.hasNonNull(name) ? requireInt(payload, name) : null;
	}

	static String requireString(JsonNode payload, String name, int maxLength) {
		JsonNode field = require(payload, name);
		if (!field.isString()) {
			throw new PayloadException("TypeConstraintViolation", name + " must be a string");
		}
		if (field.stringValue().length() > maxLength) {
			throw new PayloadException("PropertyConstraintViolation", name + " is longer than " + maxLength);
		}
		return field.stringValue();
	}

	static String requireOneOf(JsonNode payload, String name, Set<String> allowed) {
		String value = requireString(payload, name, 100);
		if (!allowed.contains(value)) {
			throw new PayloadException("PropertyConstraintViolation", name + " must be one of " + allowed);
		}
		return value;
	}

	private static JsonNode require(JsonNode payload, String name) {
		JsonNode field = payload.get(name);
		if (field == null || field.isNull()) {
			throw new PayloadException("OccurenceConstraintViolation", name + " is required");
		}
		return field;
	}
}
