package io.chargepay.csms.charger.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChargerRepository extends JpaRepository<Charger, String> {
}
