package io.chargepay.simulator.charger.command;

import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Operative or Inoperative for one connector or, with connectorId 0, the whole charger. Scheduled when a transaction
 * runs there: the change then waits for it to end (OCPP 1.6 §5.2).
 */
final class ChangeAvailabilityHandler implements CommandHandler {

	@Override
	public String action() {
		return "ChangeAvailability";
	}

	@Override
	public CommandOutcome handle(JsonNode payload, CommandTarget target) {
		int connectorId = Fields.requireInt(payload, "connectorId");
		boolean operative = "Operative".equals(Fields.requireOneOf(payload, "type", Set.of("Operative", "Inoperative")));
		if (connectorId < 0 || connectorId > target.connectorCount()) {
			return CommandOutcome.status("Rejected");
		}
		String status = target.hasTransaction(connectorId) && !operative ? "Scheduled" : "Accepted";
		return CommandOutcome.status(status, () -> target.changeAvailability(connectorId, operative));
	}
}
