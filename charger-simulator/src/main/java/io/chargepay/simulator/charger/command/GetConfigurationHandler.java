package io.chargepay.simulator.charger.command;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Reports the asked keys, or all of them, from the in-memory configuration (OCPP 1.6 §5.8). */
final class GetConfigurationHandler implements CommandHandler {

	@Override
	public String action() {
		return "GetConfiguration";
	}

	@Override
	public CommandOutcome handle(JsonNode payload, CommandTarget target) {
		List<String> keys = new ArrayList<>();
		JsonNode asked = payload.get("key");
		if (asked != null && !asked.isNull()) {
			if (!asked.isArray()) {
				throw new PayloadException("TypeConstraintViolation", "key must be an array of strings");
			}
			asked.values().forEach(key -> keys.add(key.asString()));
		}
		return CommandOutcome.answer(target.configuration().report(keys));
	}
}
