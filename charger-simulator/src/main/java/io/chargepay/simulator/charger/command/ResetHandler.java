package io.chargepay.simulator.charger.command;

import java.util.Set;

import tools.jackson.databind.JsonNode;

/** Accepts and then reboots: transactions stop with SoftReset or HardReset, then a new BootNotification (§5.14). */
final class ResetHandler implements CommandHandler {

	@Override
	public String action() {
		return "Reset";
	}

	@Override
	public CommandOutcome handle(JsonNode payload, CommandTarget target) {
		String type = Fields.requireOneOf(payload, "type", Set.of("Hard", "Soft"));
		return CommandOutcome.status("Accepted", () -> target.reset(type));
	}
}
