package io.chargepay.csms.charger.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConnectorRepository extends JpaRepository<Connector, ConnectorKey> {

	List<Connector> findByKeyChargerIdOrderByKeyConnectorId(String chargerId);

	@org.springframework.data.jpa.repository.Query(
			"select c.status, count(c) from Connector c where c.key.connectorId > 0 group by c.status")
	List<Object[]> countByStatus();
}
