package io.chargepay.simulator.charger.command;

import tools.jackson.databind.JsonNode;

/** The simulator keeps no authorization cache, so there is never anything to clear (OCPP 1.6 §5.4). */
final class ClearCacheHandler implements CommandHandler {

	@Override
	public String action() {
		return "ClearCache";
	}

	@Override
	public CommandOutcome handle(JsonNode payload, CommandTarget target) {
		return CommandOutcome.status("Accepted");
	}
}
