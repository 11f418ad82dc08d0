package io.chargepay.csms.session.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.chargepay.csms.balance.BalanceCheckRequest;
import io.chargepay.csms.balance.BalanceCheckResult;
import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.identity.Authorization;
import io.chargepay.csms.identity.AuthorizationStatus;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.identity.Wallet;
import io.chargepay.csms.session.SessionProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The balance gate for sessions started at the charger (RFID): a known, unblocked idTag is Accepted only if its
 * user's default wallet holds {@code csms.authorization.default-max-cost}; otherwise Blocked. A sufficient check made
 * for Authorize is kept for {@code check-reuse} and taken by the StartTransaction that follows, so the two cost one
 * check and one reservation; checks nobody took are released when they go stale.
 */
@Component
public class RfidGate {

	/** The decision, and the check it rested on (none for unknown tags or users without a wallet). */
	public record Decision(Authorization authorization, @Nullable String balanceCheckId) {
	}

	/** What the gate reads about an idTag before it asks the chain: its authorization and its user's default wallet. */
	public record Candidate(String idTag, Authorization authorization, @Nullable Wallet wallet) {
	}

	private record HeldCheck(String balanceCheckId, Instant at) {
	}

	private final IdentityService identity;
	private final BalanceService balance;
	private final SessionProperties properties;
	private final Clock clock;
	private final Map<String, HeldCheck> untakenChecks = new ConcurrentHashMap<>();

	private final TransactionTemplate readOnly;

	RfidGate(IdentityService identity, BalanceService balance, SessionProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.identity = identity;
		this.balance = balance;
		this.properties = properties;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Reads what the gate needs in one read-only transaction, or in the caller's: a StartTransaction reads it together
	 * with its own lookups (BENCHMARKS.md, fourth session).
	 */
	public Candidate candidate(String idTag) {
		return Objects.requireNonNull(readOnly.execute(status -> {
			Authorization authorization = identity.authorize(idTag);
			Wallet wallet = authorization.accepted() && authorization.userId() != null
					? identity.defaultWallet(authorization.userId()).orElse(null) : null;
			return new Candidate(idTag, authorization, wallet);
		}));
	}

	/** Authorize: decides, and keeps a sufficient check for the StartTransaction to come. */
	public Authorization authorize(String idTag) {
		Decision decision = decide(candidate(idTag), false);
		if (decision.balanceCheckId() != null && decision.authorization().accepted()) {
			HeldCheck previous = untakenChecks.put(idTag, new HeldCheck(decision.balanceCheckId(), clock.instant()));
			if (previous != null && !previous.balanceCheckId().equals(decision.balanceCheckId())) {
				balance.release(previous.balanceCheckId());
			}
		}
		return decision.authorization();
	}

	/** StartTransaction: takes the check Authorize kept, if it is fresh, else checks anew. */
	public Decision forStart(Candidate candidate) {
		return decide(candidate, true);
	}

	private Decision decide(Candidate candidate, boolean taking) {
		Authorization authorization = candidate.authorization();
		String idTag = candidate.idTag();
		if (!authorization.accepted() || authorization.userId() == null) {
			return new Decision(authorization, null);
		}
		Optional<HeldCheck> fresh = Optional.ofNullable(taking ? untakenChecks.remove(idTag) : untakenChecks.get(idTag))
				.filter(held -> held.at().plus(properties.authorization().checkReuse()).isAfter(clock.instant()));
		if (fresh.isPresent()) {
			return new Decision(authorization, fresh.get().balanceCheckId());
		}
		Wallet wallet = candidate.wallet();
		if (wallet == null) {
			return new Decision(authorization.withStatus(AuthorizationStatus.BLOCKED), null);
		}
		BalanceCheckResult check = balance.check(new BalanceCheckRequest(authorization.userId(), wallet.address(),
				wallet.chain(), properties.authorization().defaultMaxCost()));
		return new Decision(check.sufficient() ? authorization : authorization.withStatus(AuthorizationStatus.BLOCKED),
				check.balanceCheckId());
	}

	/** A check Authorize kept but no StartTransaction took frees its wallet's funds once it is stale. */
	@Scheduled(fixedDelayString = "${csms.session.expiry-check-interval:15s}")
	void releaseStaleChecks() {
		Instant staleBefore = clock.instant().minus(properties.authorization().checkReuse());
		untakenChecks.forEach((idTag, held) -> {
			if (held.at().isBefore(staleBefore) && untakenChecks.remove(idTag, held)) {
				balance.release(held.balanceCheckId());
			}
		});
	}
}
