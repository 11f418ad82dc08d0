package io.chargepay.csms.identity.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WalletRepository extends JpaRepository<WalletEntry, WalletEntry.Key> {

	List<WalletEntry> findByKeyUserIdOrderByCreatedAtAsc(String userId);
}
