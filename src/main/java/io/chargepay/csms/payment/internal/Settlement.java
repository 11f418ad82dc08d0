package io.chargepay.csms.payment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.chargepay.csms.payment.PaymentLinkStatus;
import io.chargepay.csms.payment.PaymentSettled;
import io.chargepay.csms.session.SessionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How links end after they were created: paid (with their session), expired, or failed. Callers hold the
 * transaction and have locked the session's links.
 */
@Component
class Settlement {

	private static final Logger log = LoggerFactory.getLogger(Settlement.class);

	private final PaymentLinkRepository links;
	private final SessionService sessions;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Settlement(PaymentLinkRepository links, SessionService sessions, ApplicationEventPublisher events, Clock clock) {
		this.links = links;
		this.sessions = sessions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The link was paid, even one that had expired here meanwhile: the money has moved, so link and session are PAID.
	 * Any other live link of the session ends; returns the provider ids of those to expire there after commit.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<String> paid(PaymentLink link) {
		if (link.status() == PaymentLinkStatus.PAID) {
			return List.of();
		}
		Instant now = clock.instant();
		List<String> leftovers = new ArrayList<>();
		for (PaymentLink other : links.lockAllOfSession(link.sessionId())) {
			if (other.isLive() && !other.id().equals(link.id())) {
				other.expire("The session was paid through link " + link.id(), now);
				if (other.externalId() != null) {
					leftovers.add(other.externalId());
				}
			}
		}
		link.paid(now);
		links.flush();
		sessions.markPaid(link.sessionId());
		events.publishEvent(new PaymentSettled(link.sessionId(), link.id(), link.provider(), link.amount(), now));
		log.info("Payment link {} of session {} is paid", link.id(), link.sessionId());
		return leftovers;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void expired(PaymentLink link, String reason) {
		if (link.isLive()) {
			link.expire(reason, clock.instant());
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void failed(PaymentLink link, String reason) {
		if (link.isLive()) {
			link.fail(reason, clock.instant());
		}
	}

	/** Marks ACTIVE links past their expiry EXPIRED, a batch at a time; returns how many. */
	@Transactional
	public int expireOverdue() {
		Instant now = clock.instant();
		List<PaymentLink> overdue = links.lockOverdue(PaymentLinkStatus.ACTIVE, now, Limit.of(200));
		overdue.forEach(link -> link.expire(null, now));
		return overdue.size();
	}
}
