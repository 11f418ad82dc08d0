package io.chargepay.simulator.charger.command;

import tools.jackson.databind.JsonNode;

/** Changes one key of the in-memory configuration (OCPP 1.6 §5.3). */
final class ChangeConfigurationHandler implements CommandHandler {

	@Override
	public String action() {
		return "ChangeConfiguration";
	}

	@Override
	public CommandOutcome handle(JsonNode payload, CommandTarget target) {
		String key = Fields.requireString(payload, "key", 50);
		String value = Fields.requireString(payload, "value", 500);
		return CommandOutcome.status(target.configuration().change(key, value));
	}
}
