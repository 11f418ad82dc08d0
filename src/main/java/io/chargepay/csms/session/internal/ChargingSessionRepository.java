package io.chargepay.csms.session.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.chargepay.csms.session.SessionStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

public interface ChargingSessionRepository extends JpaRepository<ChargingSession, String> {

	Optional<ChargingSession> findByTransactionIdAndChargerId(int transactionId, String chargerId);

	boolean existsByTransactionId(int transactionId);

	long countByStatus(SessionStatus status);

	List<ChargingSession> findByChargerId(String chargerId);

	Page<ChargingSession> findByUserIdOrderByCreatedAtDesc(String userId, Pageable page);

	Page<ChargingSession> findAllByOrderByCreatedAtDesc(Pageable page);

	Page<ChargingSession> findByUserIdIsNullOrderByCreatedAtDesc(Pageable page);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from ChargingSession s where s.id = :id")
	Optional<ChargingSession> findForUpdate(String id);

	@Query("""
			select s from ChargingSession s
			where s.chargerId = :chargerId and s.connectorId = :connectorId and s.idTag = :idTag
			  and s.startedAt = :startedAt and s.meterStartWh = :meterStartWh""")
	Optional<ChargingSession> findStart(String chargerId, int connectorId, String idTag, Instant startedAt,
			long meterStartWh);

	/** The oldest pending app session of this idTag on this charger, for this connector or any (connector 0). */
	default Optional<ChargingSession> findPendingFor(String chargerId, String idTag, int connectorId) {
		return findPending(chargerId, idTag, connectorId, SessionStatus.PENDING).stream().findFirst();
	}

	@Query("""
			select s from ChargingSession s
			where s.chargerId = :chargerId and s.idTag = :idTag and s.status = :status
			  and (s.connectorId = :connectorId or s.connectorId = 0)
			order by s.createdAt asc""")
	List<ChargingSession> findPending(String chargerId, String idTag, int connectorId, SessionStatus status);

	@Query("select s.id from ChargingSession s where s.status = :status and s.stopRequestedAt < :before")
	List<String> findStopRequestedBefore(Instant before, SessionStatus status);

	/** Claims one retry of a stuck stop: of several nodes sweeping at once, one gets 1. */
	@Modifying
	@Query("""
			update ChargingSession s set s.stopRequestedAt = :now
			where s.id = :id and s.status = :status and s.stopRequestedAt < :before""")
	int claimStopRetry(String id, Instant before, Instant now, SessionStatus status);

	@Query("select s from ChargingSession s where s.status = :status and s.pendingUntil < :now")
	List<ChargingSession> findPendingExpiredBefore(Instant now, SessionStatus status);

	@Query("""
			select count(s) > 0 from ChargingSession s
			where s.chargerId = :chargerId and (s.connectorId = :connectorId or :connectorId = 0 or s.connectorId = 0)
			  and s.status in :statuses""")
	boolean existsOpenOn(String chargerId, int connectorId, List<SessionStatus> statuses);
}
