package io.chargepay.csms.balance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readiness: balance checks can lock a wallet. Every balance check, RFID authorization and app start takes a wallet's
 * lock row with SELECT … FOR UPDATE; when the database rejects that (a dialect that does not fit the server did), the
 * connection is fine but no money operation works, and the node must not be ready. The probe locks a wallet that does
 * not exist, in a transaction it rolls back, at most once per {@link #REUSE}.
 */
@Component("walletLocksHealthIndicator")
class WalletLocksHealth implements HealthIndicator {

	static final Duration REUSE = Duration.ofSeconds(5);
	private static final WalletKey PROBE = WalletKey.of("READINESS-PROBE", "0x0");

	private final WalletLockRepository locks;
	private final TransactionTemplate rolledBack;
	private final Clock clock;
	private volatile @Nullable Probe last;

	private record Probe(Health health, Instant at) {
	}

	WalletLocksHealth(WalletLockRepository locks, PlatformTransactionManager transactions, Clock clock) {
		this.locks = locks;
		this.rolledBack = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Override
	public Health health() {
		Probe probe = last;
		Instant now = clock.instant();
		if (probe == null || probe.at().plus(REUSE).isBefore(now)) {
			probe = new Probe(probe(), now);
			last = probe;
		}
		return probe.health();
	}

	private Health probe() {
		try {
			rolledBack.executeWithoutResult(status -> {
				locks.lock(PROBE);
				status.setRollbackOnly();
			});
			return Health.up().build();
		}
		catch (RuntimeException lockRefused) {
			return Health.down().withDetail("error", lockRefused.getClass().getSimpleName()).build();
		}
	}
}
