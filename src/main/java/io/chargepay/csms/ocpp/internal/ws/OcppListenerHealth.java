package io.chargepay.csms.ocpp.internal.ws;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness: chargers can connect only while the OCPP-J listener is bound. */
@Component("ocppListenerHealthIndicator")
class OcppListenerHealth implements HealthIndicator {

	private final OcppListener listener;
	private final ConnectionRegistry registry;

	OcppListenerHealth(OcppListener listener, ConnectionRegistry registry) {
		this.listener = listener;
		this.registry = registry;
	}

	@Override
	public Health health() {
		Health.Builder health = listener.isRunning() ? Health.up() : Health.down();
		return health.withDetail("port", listener.port()).withDetail("connectedChargers", registry.size()).build();
	}
}
