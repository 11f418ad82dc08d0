package io.chargepay.csms.balance.internal;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface WalletReservationRepository extends JpaRepository<WalletReservation, String> {

	@Query("""
			select coalesce(sum(r.amount), 0) from WalletReservation r
			where r.wallet = :wallet and r.status = io.chargepay.csms.balance.internal.WalletReservation.Status.HELD""")
	BigDecimal heldAmount(WalletKey wallet);

	/** Releasing twice changes nothing the second time. */
	@Modifying
	@Query("""
			update WalletReservation r set r.status = io.chargepay.csms.balance.internal.WalletReservation.Status.RELEASED,
			  r.releasedAt = :now
			where r.balanceCheckId = :balanceCheckId
			  and r.status = io.chargepay.csms.balance.internal.WalletReservation.Status.HELD""")
	int release(String balanceCheckId, Instant now);

	/** A session took the reservation: it is held until that session releases it. */
	@Modifying
	@Query("""
			update WalletReservation r set r.expiresAt = null
			where r.balanceCheckId = :balanceCheckId
			  and r.status = io.chargepay.csms.balance.internal.WalletReservation.Status.HELD""")
	int keep(String balanceCheckId);

	/** Releases the held reservations no session took before they expired; repeating it changes nothing. */
	@Modifying
	@Query("""
			update WalletReservation r set r.status = io.chargepay.csms.balance.internal.WalletReservation.Status.RELEASED,
			  r.releasedAt = :now
			where r.status = io.chargepay.csms.balance.internal.WalletReservation.Status.HELD
			  and r.expiresAt < :now""")
	int releaseExpired(Instant now);
}
