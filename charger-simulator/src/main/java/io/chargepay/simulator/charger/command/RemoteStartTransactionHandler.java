package io.chargepay.simulator.charger.command;

import tools.jackson.databind.JsonNode;

/** Accepts when a connector is free and then starts a transaction on it (OCPP 1.6 §5.11). */
final class RemoteStartTransactionHandler implements CommandHandler {

	@Override
	public String action() {
		return "RemoteStartTransaction";
	}

	@Override
	public CommandOutcome handle(JsonNode payload, CommandTarget target) {
		String idTag = Fields.requireString(payload, "idTag", 20);
		Integer requested = Fields.optionalInt(payload, "connectorId");
		int connector = target.freeConnector(requested);
		if (connector == 0) {
			return CommandOutcome.status("Rejected");
		}
		return CommandOutcome.status("Accepted", () -> target.startTransaction(connector, idTag));
	}
}
