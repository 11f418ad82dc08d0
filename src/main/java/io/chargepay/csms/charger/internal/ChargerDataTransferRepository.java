package io.chargepay.csms.charger.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChargerDataTransferRepository extends JpaRepository<ChargerDataTransfer, Long> {

	List<ChargerDataTransfer> findByChargerId(String chargerId);
}
