package io.chargepay.simulator.charger.command;

import java.util.Set;

import tools.jackson.databind.JsonNode;

/** Sends the requested message after the answer (OCPP 1.6 §5.17); diagnostics and firmware status are not simulated. */
final class TriggerMessageHandler implements CommandHandler {

	private static final Set<String> SUPPORTED = Set.of("BootNotification", "Heartbeat", "StatusNotification",
			"MeterValues");
	private static final Set<String> KNOWN = Set.of("BootNotification", "DiagnosticsStatusNotification",
			"FirmwareStatusNotification", "Heartbeat", "MeterValues", "StatusNotification");

	@Override
	public String action() {
		return "TriggerMessage";
	}

	@Override
	public CommandOutcome handle(JsonNode payload, CommandTarget target) {
		String requested = Fields.requireOneOf(payload, "requestedMessage", KNOWN);
		Integer connectorId = Fields.optionalInt(payload, "connectorId");
		if (!SUPPORTED.contains(requested)) {
			return CommandOutcome.status("NotImplemented");
		}
		if (connectorId != null && (connectorId < 0 || connectorId > target.connectorCount())) {
			return CommandOutcome.status("Rejected");
		}
		return CommandOutcome.status("Accepted", () -> target.trigger(requested, connectorId));
	}
}
