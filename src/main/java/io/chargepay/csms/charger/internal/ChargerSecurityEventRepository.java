package io.chargepay.csms.charger.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChargerSecurityEventRepository extends JpaRepository<ChargerSecurityEvent, Long> {

	/** Newest first: by id, the order they were stored in, whatever the chargers' clocks say. */
	Page<ChargerSecurityEvent> findByChargerIdOrderByIdDesc(String chargerId, Pageable page);
}
