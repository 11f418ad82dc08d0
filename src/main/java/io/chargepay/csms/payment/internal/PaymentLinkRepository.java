package io.chargepay.csms.payment.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.chargepay.csms.payment.PaymentLinkStatus;
import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PaymentLinkRepository extends JpaRepository<PaymentLink, String> {

	boolean existsBySessionId(String sessionId);

	long countByStatus(PaymentLinkStatus status);

	@Query("select l.provider, l.status, count(l) from PaymentLink l group by l.provider, l.status")
	List<Object[]> countByProviderAndStatus();

	@Query("select l.currency, sum(l.amountMinor) from PaymentLink l where l.status = io.chargepay.csms.payment.PaymentLinkStatus.PAID group by l.currency")
	List<Object[]> sumPaidByCurrency();

	/** Newest first. */
	List<PaymentLink> findBySessionIdOrderByAttemptDesc(String sessionId);

	List<PaymentLink> findBySessionIdInOrderByAttemptDesc(Collection<String> sessionIds);

	Optional<PaymentLink> findByLiveSessionId(String sessionId);

	Optional<PaymentLink> findFirstBySessionIdOrderByAttemptDesc(String sessionId);

	/** Only the session: its links are to be locked before any of them is read for a change. */
	@Query("select l.sessionId from PaymentLink l where l.provider = :provider and l.externalId = :externalId")
	Optional<String> findSessionOfExternal(String provider, String externalId);

	@Query("select l.sessionId from PaymentLink l where l.id = :id")
	Optional<String> findSessionOf(String id);

	/** Every link of the session, locked, always in the same order so that lockers cannot deadlock. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from PaymentLink l where l.sessionId = :sessionId order by l.attempt asc")
	List<PaymentLink> lockAllOfSession(String sessionId);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from PaymentLink l where l.id = :id")
	Optional<PaymentLink> lock(String id);

	@Query("""
			select l.id from PaymentLink l
			where l.status = io.chargepay.csms.payment.PaymentLinkStatus.PENDING and l.provider = :provider
			  and l.nextAttemptAt <= :now
			order by l.nextAttemptAt asc""")
	List<String> findDuePending(String provider, Instant now, Limit limit);

	/** Takes a due PENDING link for one provider call; 0 when someone else took it first. */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query("""
			update PaymentLink l set l.nextAttemptAt = :claimedUntil
			where l.id = :id and l.status = io.chargepay.csms.payment.PaymentLinkStatus.PENDING
			  and l.nextAttemptAt <= :now""")
	int claim(String id, Instant now, Instant claimedUntil);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from PaymentLink l where l.status = :status and l.expiresAt <= :now order by l.expiresAt asc")
	List<PaymentLink> lockOverdue(PaymentLinkStatus status, Instant now, Limit limit);
}
