package io.chargepay.csms.charger;

import java.util.concurrent.CompletableFuture;

/**
 * Port through which the system sends commands to chargers. Commands to one charger go out one at a time, in the order
 * they were given (OCPP-J §4.1.1); the future never fails, it completes with a {@link CommandResult}.
 */
public interface ChargerCommands {

	CompletableFuture<CommandResult> send(String chargerId, ChargerCommand command);

	boolean isConnected(String chargerId);

	/** Closes the charger's connection, if it has one; its pending calls end as offline. */
	void disconnect(String chargerId);
}
