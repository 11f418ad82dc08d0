package io.chargepay.csms.payment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.chargepay.csms.payment.PaymentLinkStatus;
import io.chargepay.csms.payment.PaymentLinkView;
import io.chargepay.csms.payment.PaymentProviderUnavailableException;
import io.chargepay.csms.payment.SessionAlreadyPaidException;
import io.chargepay.csms.payment.SessionNotBillableException;
import io.chargepay.csms.session.Actor;
import io.chargepay.csms.session.SessionStatus;
import io.chargepay.csms.session.SessionView;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recreation in three steps, none holding a database lock or connection across the provider's call: claim the live
 * link (a short transaction), expire it at the provider, then record the outcome and a new pending link (another
 * short one); the new link is then created like any other. One that turns out to have been paid settles the session
 * instead. A recreation that finds the live link claimed by another joins it: it waits, without a connection, for
 * that one to finish and answers with its link, so a burst of requests makes one new link. A claim left by a node
 * that crashed is taken over after {@link #STALE_CLAIM}. The database's one-live-link constraint backs this up.
 */
@Component
public class LinkRecreation {

	static final Duration STALE_CLAIM = Duration.ofMinutes(2);
	private static final Duration JOIN_POLL = Duration.ofMillis(100);
	private static final Duration JOIN_WAIT = Duration.ofSeconds(60);

	private final PaymentLinkRepository links;
	private final LinkLedger ledger;
	private final Settlement settlement;
	private final LinkCreation creation;
	private final TransactionTemplate transactions;
	private final Clock clock;

	LinkRecreation(PaymentLinkRepository links, LinkLedger ledger, Settlement settlement, LinkCreation creation,
			TransactionTemplate transactions, Clock clock) {
		this.links = links;
		this.ledger = ledger;
		this.settlement = settlement;
		this.creation = creation;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What a step found: a link to expire at the provider, a new link opened, another's claim, or no new link. */
	private sealed interface Step {
		record ExpireAtProvider(String linkId, String externalId) implements Step {
		}

		record Opened(String newLinkId) implements Step {
		}

		record Joined() implements Step {
		}

		record AlreadyPaid(List<String> leftovers) implements Step {
		}

		record PaymentPending() implements Step {
		}
	}

	/** The session's live link after recreation: this one's, or that of the recreation it joined. */
	public PaymentLinkView recreate(SessionView session, Actor requestedBy) {
		BillableSession billable = billable(session);
		String claim = UUID.randomUUID().toString();
		Step step = retryingCollisions(() -> claimOrOpen(billable, claim, requestedBy));
		if (step instanceof Step.ExpireAtProvider expiring) {
			PaymentLinkProvider.ExpiryOutcome outcome = expireAtProvider(expiring, claim);
			step = retryingCollisions(() -> record(billable, claim, expiring, outcome, requestedBy));
		}
		if (step instanceof Step.Opened opened) {
			creation.attempt(opened.newLinkId());
			return liveOr(session.sessionId(), opened.newLinkId());
		}
		if (step instanceof Step.PaymentPending) {
			throw new SessionNotBillableException("A payment of session " + session.sessionId()
					+ " is being processed; its link cannot be replaced now");
		}
		if (step instanceof Step.AlreadyPaid paid) {
			paid.leftovers().forEach(creation::expireQuietly);
			throw new SessionAlreadyPaidException(session.sessionId());
		}
		return awaitJoined(session.sessionId());
	}

	/** Step one, locked briefly: claim the live link the provider must expire, or open the next link at once. */
	private Step claimOrOpen(BillableSession session, String claim, Actor requestedBy) {
		return inTransaction(() -> {
			List<PaymentLink> all = links.lockAllOfSession(session.sessionId());
			if (all.stream().anyMatch(link -> link.status() == PaymentLinkStatus.PAID)) {
				return new Step.AlreadyPaid(List.of());
			}
			Instant now = clock.instant();
			String replaced = null;
			for (PaymentLink live : all.stream().filter(PaymentLink::isLive).toList()) {
				if (live.claimedByAnother(claim, now.minus(STALE_CLAIM))) {
					return new Step.Joined();
				}
				if (live.externalId() != null) {
					live.claimReplacement(claim, now);
					return new Step.ExpireAtProvider(live.id(), live.externalId());
				}
				settlement.expired(live, "Replaced by a new link");
				replaced = live.id();
			}
			links.flush();
			return new Step.Opened(ledger.openNext(session, all, "recreated", replaced, requestedBy).id());
		});
	}

	/** Step three, locked briefly: apply what the provider said, if the claim is still this recreation's. */
	private Step record(BillableSession session, String claim, Step.ExpireAtProvider expiring,
			PaymentLinkProvider.ExpiryOutcome outcome, Actor requestedBy) {
		return inTransaction(() -> {
			List<PaymentLink> all = links.lockAllOfSession(session.sessionId());
			PaymentLink link = all.stream().filter(candidate -> candidate.id().equals(expiring.linkId())).findFirst()
					.orElseThrow();
			if (!link.claimedBy(claim)) {
				return new Step.Joined(); // taken over as stale meanwhile: the one that took it answers
			}
			return switch (outcome) {
				case PAID -> new Step.AlreadyPaid(settlement.paid(link));
				case PAYMENT_PENDING -> {
					link.releaseReplacement(); // committed: the refusal is thrown after this transaction
					yield new Step.PaymentPending();
				}
				case EXPIRED -> {
					settlement.expired(link, "Replaced by a new link");
					links.flush();
					yield new Step.Opened(ledger.openNext(session, all, "recreated", link.id(), requestedBy).id());
				}
			};
		});
	}

	private PaymentLinkProvider.ExpiryOutcome expireAtProvider(Step.ExpireAtProvider expiring, String claim) {
		try {
			return creation.expire(expiring.externalId());
		}
		catch (RuntimeException failed) {
			inTransaction(() -> {
				links.lock(expiring.linkId()).filter(link -> link.claimedBy(claim))
						.ifPresent(PaymentLink::releaseReplacement);
				return null;
			});
			if (failed instanceof ProviderUnavailableException unavailable) {
				throw new PaymentProviderUnavailableException("The payment provider could not expire the current "
						+ "link, which stays as it is: " + unavailable.getMessage());
			}
			throw failed;
		}
	}

	/** Waits, holding no connection between reads, until no live link of the session is claimed; then its link. */
	private PaymentLinkView awaitJoined(String sessionId) {
		Instant giveUp = clock.instant().plus(JOIN_WAIT);
		while (clock.instant().isBefore(giveUp)) {
			Instant staleBefore = clock.instant().minus(STALE_CLAIM);
			List<PaymentLink> all = links.findBySessionIdInOrderByAttemptDesc(List.of(sessionId));
			if (all.stream().anyMatch(link -> link.status() == PaymentLinkStatus.PAID)) {
				throw new SessionAlreadyPaidException(sessionId);
			}
			if (all.stream().noneMatch(link -> link.isLive() && link.claimedSince(staleBefore))) {
				return links.findByLiveSessionId(sessionId).or(() -> all.stream().findFirst()).orElseThrow().view();
			}
			sleep(JOIN_POLL);
		}
		throw new PaymentProviderUnavailableException("Another recreation of this session's link has not finished");
	}

	private PaymentLinkView liveOr(String sessionId, String ownId) {
		return links.findByLiveSessionId(sessionId).or(() -> links.findById(ownId)).map(PaymentLink::view)
				.orElseThrow();
	}

	/**
	 * A link recorded by someone else after our lock was taken (the listener's first link; on H2 a concurrent
	 * recreation, whose row a locking read does not see) collides on the database's constraints: look again.
	 */
	private Step retryingCollisions(Supplier<Step> step) {
		for (int attempt = 1;; attempt++) {
			try {
				return step.get();
			}
			catch (DataIntegrityViolationException collision) {
				if (attempt == 3) {
					throw collision;
				}
			}
		}
	}

	private <T> T inTransaction(Supplier<T> work) {
		return transactions.execute(status -> work.get());
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for another recreation", interrupted);
		}
	}

	private static BillableSession billable(SessionView session) {
		if (session.status() == SessionStatus.PAID) {
			throw new SessionAlreadyPaidException(session.sessionId());
		}
		if (session.status() != SessionStatus.COMPLETED) {
			throw new SessionNotBillableException("Session " + session.sessionId() + " has not ended (status "
					+ session.status() + ")");
		}
		if (session.billingHold() || session.amount() == null) {
			throw new SessionNotBillableException("Session " + session.sessionId()
					+ " is held for an operator and is not billed automatically");
		}
		return BillableSession.of(session, session.amount());
	}
}
