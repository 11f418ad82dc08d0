package io.chargepay.csms.session.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChargingSessionRepository extends JpaRepository<ChargingSession, String> {

	Optional<ChargingSession> findByTransactionIdAndChargerId(int transactionId, String chargerId);

	boolean existsByTransactionId(int transactionId);

	List<ChargingSession> findByChargerId(String chargerId);

	@Query("""
			select s from ChargingSession s
			where s.chargerId = :chargerId and s.connectorId = :connectorId and s.idTag = :idTag
			  and s.startedAt = :startedAt and s.meterStartWh = :meterStartWh""")
	Optional<ChargingSession> findStart(String chargerId, int connectorId, String idTag, Instant startedAt,
			long meterStartWh);
}
