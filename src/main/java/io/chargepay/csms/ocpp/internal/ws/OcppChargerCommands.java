package io.chargepay.csms.ocpp.internal.ws;

import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.CommandResult;
import org.springframework.stereotype.Component;

/** Sends commands to chargers over their live OCPP-J connections. */
@Component
class OcppChargerCommands implements ChargerCommands {

	private final ConnectionRegistry registry;

	OcppChargerCommands(ConnectionRegistry registry) {
		this.registry = registry;
	}

	@Override
	public CompletableFuture<CommandResult> send(String chargerId, ChargerCommand command) {
		return registry.find(chargerId)
				.map(connection -> connection.call(command))
				.orElseGet(() -> CompletableFuture.completedFuture(new CommandResult.Offline()));
	}

	@Override
	public boolean isConnected(String chargerId) {
		return registry.find(chargerId).isPresent();
	}

	@Override
	public void disconnect(String chargerId) {
		registry.find(chargerId).ifPresent(ChargerConnection::disconnect);
	}
}
