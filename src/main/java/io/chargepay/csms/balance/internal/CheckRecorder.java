package io.chargepay.csms.balance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.chargepay.csms.balance.BalanceCheckResult;
import io.chargepay.csms.balance.BalanceProperties;
import io.chargepay.csms.balance.BalanceStatus;
import io.chargepay.csms.balance.ProviderAnswer;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes checks and reservations. The decision against the wallet's reservations is taken here, inside a short
 * transaction that holds the wallet's lock row: the chain was read before, outside any transaction, so a slow or hung
 * RPC node never keeps a database connection or a lock.
 */
@Component
public class CheckRecorder {

	/** DECIMAL(19,4). */
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.9999");
	private static final int MAX_ERROR_LENGTH = 1000;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BalanceCheckRepository checks;
	private final WalletLockRepository locks;
	private final WalletReservationRepository reservations;
	private final TransactionTemplate transaction;
	private final TransactionTemplate ownTransaction;
	private final String currency;
	private final Duration holdTtl;
	private final Clock clock;

	CheckRecorder(BalanceCheckRepository checks, WalletLockRepository locks, WalletReservationRepository reservations,
			PlatformTransactionManager transactions, BalanceProperties properties, Clock clock) {
		this.checks = checks;
		this.locks = locks;
		this.reservations = reservations;
		this.transaction = new TransactionTemplate(transactions);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.currency = properties.payments().currency();
		this.holdTtl = properties.balance().holdTtl();
		this.clock = clock;
	}

	private record WalletState(BigDecimal held, boolean lockRowExists) {
	}

	/**
	 * Before the chain is read: what the wallet's held reservations come to now, read without its lock (a hint for the
	 * provider), and the wallet's lock row, created if this is its first check. One transaction in the usual case, as
	 * a StartTransaction's check is on every ramp's hot path (BENCHMARKS.md, fourth session).
	 */
	public BigDecimal prepare(WalletKey wallet) {
		WalletState state = transaction.execute(
				status -> new WalletState(reservations.heldAmount(wallet), locks.existsById(wallet)));
		if (state == null || !state.lockRowExists()) {
			createLockRow(wallet);
		}
		return state == null ? BigDecimal.ZERO : state.held();
	}

	/**
	 * Commits the check, whatever the answer. When the provider answered, the wallet's lock is taken and the funds are
	 * weighed against the requested amount plus the reservations held at that moment; a sufficient check reserves its
	 * amount in the same transaction, so the next check of the wallet, waiting for the lock, already counts it. The
	 * wallet was {@link #prepare prepared} before.
	 */
	public BalanceCheckResult record(PendingCheck check, ProviderAnswer answer) {
		if (answer.errorMessage() != null) {
			return transaction.execute(status -> save(check, answer, null, answer.coverage(check.requestedAmount())));
		}
		return transaction.execute(status -> {
			locks.lock(check.wallet()).orElseThrow(() -> new IllegalStateException("wallet not prepared: no lock row"));
			BigDecimal reserved = reservations.heldAmount(check.wallet()).setScale(4, RoundingMode.HALF_UP);
			ProviderAnswer.Coverage coverage = answer.coverage(check.requestedAmount().add(reserved));
			BalanceCheckResult result = save(check, answer, reserved, coverage);
			if (coverage.status() == BalanceStatus.SUFFICIENT) {
				Instant now = now();
				reservations.save(new WalletReservation(check.id(), check.wallet(), check.requestedAmount(), now,
						now.plus(holdTtl)));
			}
			return result;
		});
	}

	/** Idempotent: a released or unknown reservation stays as it is. */
	public void release(String balanceCheckId) {
		transaction.executeWithoutResult(status -> reservations.release(balanceCheckId, now()));
	}

	/** In the caller's transaction, if any: the session that takes the reservation commits with it. */
	public void keep(String balanceCheckId) {
		transaction.executeWithoutResult(status -> reservations.keep(balanceCheckId));
	}

	/** Releases the reservations no session took in time; returns how many. */
	public int releaseExpired() {
		Integer released = transaction.execute(status -> reservations.releaseExpired(now()));
		return released == null ? 0 : released;
	}

	private BalanceCheckResult save(PendingCheck check, ProviderAnswer answer, @Nullable BigDecimal reserved,
			ProviderAnswer.Coverage coverage) {
		BigDecimal actual = coverage.actualBalance() == null ? null
				: coverage.actualBalance().setScale(4, RoundingMode.FLOOR).min(MAX_AMOUNT);
		String error = answer.errorMessage() == null ? null : truncate(answer.errorMessage());
		checks.save(new BalanceCheck(check.id(), check.userId(), check.walletAddress(), check.wallet().chain(),
				check.requestedAmount(), actual, coverage.status(), check.provider(), error,
				metadata(check, answer, reserved, coverage), now()));
		return new BalanceCheckResult(check.id(), coverage.status(), check.requestedAmount(), actual, check.provider(),
				error);
	}

	private String metadata(PendingCheck check, ProviderAnswer answer, @Nullable BigDecimal reserved,
			ProviderAnswer.Coverage coverage) {
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("provider", check.provider());
		metadata.put("currency", currency);
		metadata.put("requestedAmount", check.requestedAmount().toPlainString());
		if (reserved != null) {
			metadata.put("reservedAmount", reserved.toPlainString());
			metadata.put("neededAmount", check.requestedAmount().add(reserved).toPlainString());
		}
		metadata.putAll(answer.metadata());
		if (coverage.decidedBy() != null) {
			metadata.put("decidedBy", coverage.decidedBy());
		}
		if (coverage.status() == BalanceStatus.SUFFICIENT) {
			metadata.put("reservation", Map.of("amount", check.requestedAmount().toPlainString(), "status", "HELD"));
		}
		if (answer.errorMessage() != null) {
			metadata.put("error", answer.errorMessage());
		}
		return JSON.writeValueAsString(metadata);
	}

	/**
	 * The lock row must exist before it can be locked. Two first checks of a wallet may both try to create it: one wins,
	 * the other's duplicate key is harmless.
	 */
	private void createLockRow(WalletKey wallet) {
		try {
			ownTransaction.executeWithoutResult(status -> locks.saveAndFlush(new WalletLock(wallet, now())));
		}
		catch (DataAccessException createdMeanwhile) {
			if (transaction.execute(status -> locks.existsById(wallet)) != Boolean.TRUE) {
				throw createdMeanwhile;
			}
		}
	}

	private Instant now() {
		// DATETIME(3): keep what is stored and what is returned the same.
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String truncate(String message) {
		return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH - 1) + "…";
	}
}
