package io.chargepay.csms.ocpp.internal.ws;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The live connection of each charger. A newer authenticated connection replaces an older one. */
@Component
class ConnectionRegistry {

	private final ConcurrentMap<String, ChargerConnection> connections = new ConcurrentHashMap<>();

	/**
	 * Registers the connection {@code successor} makes of the one it replaces (null for none), atomically: of two
	 * connections of one charger opening at once, one replaces the other. {@code successor} must not block.
	 */
	ChargerConnection register(String chargerId, UnaryOperator<@Nullable ChargerConnection> successor) {
		return connections.compute(chargerId, (id, previous) -> successor.apply(previous));
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
