package io.chargepay.csms.payment.internal;

import java.util.List;

import io.chargepay.csms.payment.PaymentLinkStatus;
import io.chargepay.csms.payment.PaymentLinkView;
import io.chargepay.csms.payment.PaymentProviderUnavailableException;
import io.chargepay.csms.payment.SessionAlreadyPaidException;
import io.chargepay.csms.payment.SessionNotBillableException;
import io.chargepay.csms.session.SessionStatus;
import io.chargepay.csms.session.SessionView;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recreation: under a lock on the session's links, the live link is expired at the provider (one that turns out to
 * have been paid settles the session instead) and marked EXPIRED, and a new pending link is recorded; then the new
 * link is created like any other. A concurrent recreation waits for the lock and replaces this one in turn; the
 * database's one-live-link constraint backs the lock up.
 */
@Component
public class LinkRecreation {

	private final PaymentLinkRepository links;
	private final LinkLedger ledger;
	private final Settlement settlement;
	private final LinkCreation creation;
	private final TransactionTemplate transactions;

	LinkRecreation(PaymentLinkRepository links, LinkLedger ledger, Settlement settlement, LinkCreation creation,
			TransactionTemplate transactions) {
		this.links = links;
		this.ledger = ledger;
		this.settlement = settlement;
		this.creation = creation;
		this.transactions = transactions;
	}

	/** The session's live link after recreation: this one, or a concurrent recreation's if that came later. */
	public PaymentLinkView recreate(SessionView session) {
		BillableSession billable = billable(session);
		Replacement replacement = replaceRetryingCollisions(billable);
		replacement.leftovers().forEach(creation::expireQuietly);
		if (replacement.newLinkId() == null) {
			throw new SessionAlreadyPaidException(session.sessionId());
		}
		creation.attempt(replacement.newLinkId());
		String ownId = replacement.newLinkId();
		return links.findByLiveSessionId(session.sessionId()).or(() -> links.findById(ownId))
				.map(PaymentLink::view).orElseThrow();
	}

	/**
	 * A link recorded by someone else after our lock was taken (the listener's first link; on H2 a concurrent
	 * recreation, whose row a locking read does not see) collides on the database's constraints: look again.
	 */
	private Replacement replaceRetryingCollisions(BillableSession session) {
		for (int attempt = 1;; attempt++) {
			try {
				return replace(session);
			}
			catch (DataIntegrityViolationException collision) {
				if (attempt == 3) {
					throw collision;
				}
			}
		}
	}

	private Replacement replace(BillableSession session) {
		Replacement replacement = transactions.execute(status -> replaceLocked(session));
		if (replacement == null) {
			throw new IllegalStateException("No outcome of recreating the link of " + session.sessionId());
		}
		return replacement;
	}

	private Replacement replaceLocked(BillableSession session) {
		List<PaymentLink> all = links.lockAllOfSession(session.sessionId());
		if (all.stream().anyMatch(link -> link.status() == PaymentLinkStatus.PAID)) {
			return new Replacement(null, List.of());
		}
		String replaced = null;
		for (PaymentLink live : all.stream().filter(PaymentLink::isLive).toList()) {
			if (live.externalId() != null) {
				switch (expireAtProvider(live.externalId())) {
					case PAID -> {
						return new Replacement(null, settlement.paid(live));
					}
					case PAYMENT_PENDING -> throw new SessionNotBillableException("A payment of session "
							+ session.sessionId() + " is being processed; its link cannot be replaced now");
					case EXPIRED -> { }
				}
			}
			settlement.expired(live, "Replaced by a new link");
			replaced = live.id();
		}
		links.flush();
		return new Replacement(ledger.openNext(session, all, "recreated", replaced).id(), List.of());
	}

	private PaymentLinkProvider.ExpiryOutcome expireAtProvider(String externalId) {
		try {
			return creation.expire(externalId);
		}
		catch (ProviderUnavailableException e) {
			throw new PaymentProviderUnavailableException("The payment provider could not expire the current link,"
					+ " which stays as it is: " + e.getMessage());
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

	/** A new pending link, or none because the session is paid; and provider links to expire after commit. */
	private record Replacement(@Nullable String newLinkId, List<String> leftovers) {
	}
}
