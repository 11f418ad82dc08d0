package io.chargepay.csms.session.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MeterValueRepository extends JpaRepository<MeterValue, Long> {

	List<MeterValue> findByChargerIdOrderByIdAsc(String chargerId);
}
