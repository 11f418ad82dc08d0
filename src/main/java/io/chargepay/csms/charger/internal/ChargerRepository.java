package io.chargepay.csms.charger.internal;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ChargerRepository extends JpaRepository<Charger, String> {

	/** One UPDATE, no read: heartbeats are the most frequent message a fleet sends. */
	@Modifying
	@Query("update Charger c set c.lastSeenAt = :at where c.id = :chargerId")
	int markSeen(String chargerId, Instant at);
}
