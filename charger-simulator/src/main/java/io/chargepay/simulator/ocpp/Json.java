package io.chargepay.simulator.ocpp;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the simulator. Absent optional OCPP fields are left out rather than sent as null. */
public final class Json {

	public static final JsonMapper MAPPER = JsonMapper.builder()
			.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();

	private Json() {
	}

	public static JsonNode tree(Object value) {
		return value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
	}

	public static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	public static JsonNode read(String text) {
		return MAPPER.readTree(text);
	}
}
