package io.chargepay.csms.charger.internal;

import java.time.Instant;
import java.util.List;

import io.chargepay.csms.charger.ChargerView;
import io.chargepay.csms.charger.ConnectorStatusReport;
import org.springframework.stereotype.Component;

/** Keeps each connector's current status and appends every report to its history. */
@Component
public class ConnectorStatuses {

	private final ConnectorRepository connectors;
	private final ConnectorStatusChangeRepository history;

	ConnectorStatuses(ConnectorRepository connectors, ConnectorStatusChangeRepository history) {
		this.connectors = connectors;
		this.history = history;
	}

	public List<ChargerView.ConnectorView> of(String chargerId) {
		return connectors.findByKeyChargerIdOrderByKeyConnectorId(chargerId).stream()
				.map(connector -> new ChargerView.ConnectorView(connector.connectorId(), connector.status(),
						connector.errorCode(), connector.statusAt()))
				.toList();
	}

	public void record(String chargerId, ConnectorStatusReport report, Instant now) {
		ConnectorKey key = new ConnectorKey(chargerId, report.connectorId());
		connectors.findById(key).ifPresentOrElse(
				connector -> connector.apply(report, now),
				() -> connectors.save(new Connector(key, report, now)));
		history.save(new ConnectorStatusChange(chargerId, report, now));
	}
}
