package io.chargepay.csms.balance.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface WalletLockRepository extends JpaRepository<WalletLock, WalletKey> {

	/** SELECT ... FOR UPDATE: waits for any other transaction holding this wallet's lock. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from WalletLock l where l.wallet = :wallet")
	Optional<WalletLock> lock(WalletKey wallet);
}
