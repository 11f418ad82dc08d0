package io.chargepay.csms.balance.internal.sandbox;

import io.chargepay.csms.balance.internal.WalletKey;
import org.springframework.data.jpa.repository.JpaRepository;

interface SandboxBalanceRepository extends JpaRepository<SandboxBalance, WalletKey> {
}
