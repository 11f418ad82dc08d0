package io.chargepay.csms.charger.internal;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public record ConnectorKey(@Column(name = "charger_id") String chargerId, @Column(name = "connector_id") int connectorId)
		implements Serializable {
}
