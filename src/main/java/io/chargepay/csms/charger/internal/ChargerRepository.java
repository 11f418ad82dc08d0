package io.chargepay.csms.charger.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ChargerRepository extends JpaRepository<Charger, String> {

	/** Only this column, and only while the key it verifies is still the charger's: nothing else is overwritten. */
	@Modifying
	@Query("update Charger c set c.keyVerifier = :verifier where c.id = :id and c.passwordHash = :passwordHash")
	int rememberKey(String id, String passwordHash, String verifier);
}
