package io.chargepay.csms.ocpp.internal.ws;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.chargepay.csms.ocpp.OcppProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Open connections per peer address, capped at csms.ocpp.limits.connections-per-address: one host cannot take the
 * listener's file descriptors. Holds an entry only while its address has a connection open.
 */
@Component
class AddressConnections {

	private final ConcurrentMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
	private final int cap;
	private final ExemptPeers exempt;
	private final Counter refused;

	AddressConnections(OcppProperties properties, ExemptPeers exempt, MeterRegistry meters) {
		this.cap = properties.limits().connectionsPerAddress();
		this.exempt = exempt;
		this.refused = Counter.builder("csms.ocpp.connections.refused.address.limit")
				.description("Connections closed at accept: their address already had the most allowed open")
				.register(meters);
	}

	/** Counts a new connection from {@code peer}, or refuses it (false) when that address is at its cap. */
	boolean tryOpen(InetAddress peer) {
		if (exempt.covers(peer)) {
			return true;
		}
		AtomicBoolean admitted = new AtomicBoolean();
		open.compute(peer, (address, count) -> {
			int current = count == null ? 0 : count;
			if (current >= cap) {
				return count;
			}
			admitted.set(true);
			return current + 1;
		});
		if (!admitted.get()) {
			refused.increment();
		}
		return admitted.get();
	}

	void closed(InetAddress peer) {
		if (!exempt.covers(peer)) {
			open.computeIfPresent(peer, (address, count) -> count <= 1 ? null : count - 1);
		}
	}
}
