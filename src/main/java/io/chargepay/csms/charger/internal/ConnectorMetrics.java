package io.chargepay.csms.charger.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Connectors by their current OCPP status (Available, Charging, Faulted, ...), counted from the database. */
@Component
class ConnectorMetrics {

	/** ChargePointStatus of OCPP 1.6 §7.7: the label values are bounded by the schema. */
	private static final List<String> STATUSES = List.of("Available", "Preparing", "Charging", "SuspendedEVSE",
			"SuspendedEV", "Finishing", "Reserved", "Unavailable", "Faulted");

	private final ConnectorRepository connectors;
	private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	ConnectorMetrics(ConnectorRepository connectors, MeterRegistry meters) {
		this.connectors = connectors;
		for (String status : STATUSES) {
			AtomicLong count = new AtomicLong();
			counts.put(status, count);
			Gauge.builder("csms.connectors", count, AtomicLong::get).tag("status", status)
					.description("Connectors (connectorId > 0) by current status").register(meters);
		}
	}

	@Scheduled(fixedDelayString = "${csms.metrics.connector-count-interval:15s}")
	void count() {
		counts.values().forEach(count -> count.set(0));
		for (Object[] row : connectors.countByStatus()) {
			AtomicLong count = counts.get((String) row[0]);
			if (count != null) {
				count.set(((Number) row[1]).longValue());
			}
		}
	}
}
