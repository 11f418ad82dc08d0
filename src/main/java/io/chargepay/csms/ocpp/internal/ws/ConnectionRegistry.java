package io.chargepay.csms.ocpp.internal.ws;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The live connection of each charger. A newer authenticated connection replaces an older one. */
@Component
class ConnectionRegistry {

	private final ConcurrentMap<String, ChargerConnection> connections = new ConcurrentHashMap<>();

	/** Registers {@code connection}, returning the one it replaces. */
	@Nullable ChargerConnection register(ChargerConnection connection) {
		return connections.put(connection.chargerId(), connection);
	}

	/** Forgets {@code connection} unless a newer one has already taken its place. */
	boolean unregister(ChargerConnection connection) {
		return connections.remove(connection.chargerId(), connection);
	}

	Optional<ChargerConnection> find(String chargerId) {
		return Optional.ofNullable(connections.get(chargerId));
	}

	Set<String> connectedChargerIds() {
		return Set.copyOf(connections.keySet());
	}

	int size() {
		return connections.size();
	}
}
