package io.chargepay.simulator.charger.command;

import tools.jackson.databind.JsonNode;

/** Answers one kind of CSMS command. Throws {@link PayloadException} for a payload it cannot accept. */
public interface CommandHandler {

	String action();

	CommandOutcome handle(JsonNode payload, CommandTarget target);
}
