package io.chargepay.csms.charger.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConnectorRepository extends JpaRepository<Connector, ConnectorKey> {

	List<Connector> findByKeyChargerIdOrderByKeyConnectorId(String chargerId);
}
