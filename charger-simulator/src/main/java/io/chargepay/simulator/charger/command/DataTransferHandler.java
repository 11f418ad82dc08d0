package io.chargepay.simulator.charger.command;

import tools.jackson.databind.JsonNode;

/** The simulator knows no vendor extensions, which OCPP 1.6 §5.6 answers with UnknownVendorId. */
final class DataTransferHandler implements CommandHandler {

	@Override
	public String action() {
		return "DataTransfer";
	}

	@Override
	public CommandOutcome handle(JsonNode payload, CommandTarget target) {
		Fields.requireString(payload, "vendorId", 255);
		return CommandOutcome.status("UnknownVendorId");
	}
}
