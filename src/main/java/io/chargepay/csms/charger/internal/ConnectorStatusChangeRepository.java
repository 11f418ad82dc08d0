package io.chargepay.csms.charger.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ConnectorStatusChangeRepository extends JpaRepository<ConnectorStatusChange, Long> {

	List<ConnectorStatusChange> findByChargerIdOrderByIdAsc(String chargerId);
}
