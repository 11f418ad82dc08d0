package io.chargepay.simulator.charger.command;

import tools.jackson.databind.JsonNode;

/** Unlocks a connector, first stopping its transaction with reason UnlockCommand (OCPP 1.6 §5.18). */
final class UnlockConnectorHandler implements CommandHandler {

	@Override
	public String action() {
		return "UnlockConnector";
	}

	@Override
	public CommandOutcome handle(JsonNode payload, CommandTarget target) {
		int connectorId = Fields.requireInt(payload, "connectorId");
		if (connectorId < 1 || connectorId > target.connectorCount()) {
			return CommandOutcome.status("NotSupported");
		}
		if (!target.hasTransaction(connectorId)) {
			return CommandOutcome.status("Unlocked");
		}
		return CommandOutcome.status("Unlocked", () -> target.stopTransaction(connectorId, "UnlockCommand"));
	}
}
