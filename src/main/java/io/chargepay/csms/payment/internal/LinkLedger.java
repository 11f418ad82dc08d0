package io.chargepay.csms.payment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.chargepay.csms.payment.PaymentLinkStatus;
import io.chargepay.csms.payment.PaymentProperties;
import io.chargepay.csms.session.Actor;
import io.chargepay.csms.session.Money;
import io.chargepay.csms.session.SessionService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state changes of a link on its way to the provider, each in one short transaction, so that no transaction is
 * open while the provider is called. A link is held by one caller at a time through {@code nextAttemptAt}: whoever
 * creates or claims it owns it until then, long enough for one provider call.
 */
@Component
class LinkLedger {

	/** A pending link must still be worth this much when it reaches Stripe, which refuses less than 30 minutes. */
	private static final Duration MIN_REMAINING = PaymentProperties.MIN_LINK_TTL.plusMinutes(1);

	private final PaymentLinkRepository links;
	private final SessionService sessions;
	private final LinkMetadata metadata;
	private final PaymentProperties properties;
	private final Clock clock;

	LinkLedger(PaymentLinkRepository links, SessionService sessions, LinkMetadata metadata,
			PaymentProperties properties, Clock clock) {
		this.links = links;
		this.sessions = sessions;
		this.metadata = metadata;
		this.properties = properties;
		this.clock = clock;
	}

	/** The session's first link, unless it has one: a redelivered SessionEnded changes nothing. */
	@Transactional
	public Optional<String> openFirst(BillableSession session) {
		if (links.existsBySessionId(session.sessionId())) {
			return Optional.empty();
		}
		return Optional.of(openNext(session, List.of(), "session_ended", null, Actor.system("session-ended")).id());
	}

	/** A new pending link after {@code existing} (locked by the caller, none of them live any more). */
	@Transactional(propagation = Propagation.MANDATORY)
	public PaymentLink openNext(BillableSession session, List<PaymentLink> existing, String reason,
			@Nullable String replaces, Actor createdBy) {
		Instant now = clock.instant();
		Instant expiresAt = now.plus(properties.linkTtl());
		return insert(session.sessionId(), session.amount(), existing, now, expiresAt,
				metadata.describe(session, reason, replaces, expiresAt), createdBy);
	}

	@Transactional(readOnly = true)
	public Optional<LinkRequest> requestFor(String linkId) {
		return links.findById(linkId).filter(link -> link.status() == PaymentLinkStatus.PENDING).map(link -> {
			Map<String, String> context = metadata.read(link.metadata());
			context.put("payment_link_id", link.id());
			return new LinkRequest(link.id(), link.sessionId(), link.amount().minorUnits(), link.amount().currency(),
					LinkMetadata.productName(context), link.expiresAt(), link.idempotencyKey(), context);
		});
	}

	/** Records what the provider created; false when the link stopped being pending meanwhile (replaced). */
	@Transactional
	public boolean activate(String linkId, CreatedLink created) {
		Optional<PaymentLink> link = links.lock(linkId).filter(found -> found.status() == PaymentLinkStatus.PENDING);
		link.ifPresent(found -> {
			found.activate(created, clock.instant());
			sessions.attachPaymentLink(found.sessionId(), found.id());
		});
		return link.isPresent();
	}

	@Transactional
	public void retryLater(String linkId, boolean keySpent, String reason) {
		Instant now = clock.instant();
		links.lock(linkId).filter(link -> link.status() == PaymentLinkStatus.PENDING).ifPresent(link -> link.retryAt(
				now.plus(properties.retry().backoff(link.providerCalls() + 1)), keySpent, reason, now));
	}

	@Transactional
	public void fail(String linkId, String reason) {
		links.lock(linkId).filter(link -> link.status() == PaymentLinkStatus.PENDING)
				.ifPresent(link -> link.fail(reason, clock.instant()));
	}

	/** Takes a due pending link for one provider call; false when another instance or thread took it. */
	@Transactional
	public boolean claim(String linkId) {
		Instant now = clock.instant();
		return links.claim(linkId, now, claimedUntil(now)) == 1;
	}

	/**
	 * A claimed pending link that waited so long (a long provider outage) that Stripe would refuse its expiry is
	 * replaced by a fresh one with a new expiry and attempt; returns the link to create.
	 */
	@Transactional
	public String replaceIfStale(String linkId) {
		Instant now = clock.instant();
		List<PaymentLink> all = links.findSessionOf(linkId).map(links::lockAllOfSession).orElse(List.of());
		Optional<PaymentLink> stale = all.stream()
				.filter(link -> link.id().equals(linkId) && link.status() == PaymentLinkStatus.PENDING)
				.filter(link -> link.expiresAt().isBefore(now.plus(MIN_REMAINING))).findFirst();
		if (stale.isEmpty()) {
			return linkId;
		}
		PaymentLink old = stale.get();
		old.expire("Expired before the provider could create it", now);
		links.flush();
		Instant expiresAt = now.plus(properties.linkTtl());
		return insert(old.sessionId(), old.amount(), all, now, expiresAt,
				metadata.renew(old.metadata(), "expired_before_creation", old.id(), expiresAt),
				Actor.system("link-expiry")).id();
	}

	private PaymentLink insert(String sessionId, Money amount, List<PaymentLink> existing, Instant now,
			Instant expiresAt, String context, Actor createdBy) {
		int attempt = existing.stream().mapToInt(PaymentLink::attempt).max().orElse(0) + 1;
		return links.saveAndFlush(PaymentLink.pending(sessionId, providerName(), amount, attempt, context, now,
				expiresAt, claimedUntil(now), createdBy));
	}

	private Instant claimedUntil(Instant now) {
		// One provider call is at most a connect and a read timeout; the margin covers recording its outcome.
		return now.plus(properties.stripe().timeout().multipliedBy(2)).plusSeconds(30);
	}

	private String providerName() {
		return properties.effectiveProvider().name().toLowerCase(Locale.ROOT);
	}

}
