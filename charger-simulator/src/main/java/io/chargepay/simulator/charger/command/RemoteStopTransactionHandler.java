package io.chargepay.simulator.charger.command;

import tools.jackson.databind.JsonNode;

/** Accepts for a transaction that runs here and then stops it with reason Remote (OCPP 1.6 §5.12). */
final class RemoteStopTransactionHandler implements CommandHandler {

	@Override
	public String action() {
		return "RemoteStopTransaction";
	}

	@Override
	public CommandOutcome handle(JsonNode payload, CommandTarget target) {
		int transactionId = Fields.requireInt(payload, "transactionId");
		int connector = target.connectorOfTransaction(transactionId);
		if (connector == 0) {
			return CommandOutcome.status("Rejected");
		}
		return CommandOutcome.status("Accepted", () -> target.stopTransaction(connector, "Remote"));
	}
}
