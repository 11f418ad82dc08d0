package io.chargepay.csms.balance.internal;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BalanceCheckRepository extends JpaRepository<BalanceCheck, String> {

	Page<BalanceCheck> findByUserId(String userId, Pageable pageable);
}
