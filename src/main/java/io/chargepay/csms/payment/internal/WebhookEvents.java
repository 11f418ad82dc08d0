package io.chargepay.csms.payment.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.chargepay.csms.payment.WebhookOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies verified Stripe events, each event id once: the id is recorded in the same transaction as its effect, so a
 * redelivery (or a concurrent duplicate, stopped by the primary key) changes nothing.
 */
@Component
class WebhookEvents {

	private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);
	private static final Set<String> PAID_STATUSES = Set.of("paid", "no_payment_required");

	private final AppliedStripeEventRepository applied;
	private final PaymentLinkRepository links;
	private final Settlement settlement;
	private final Clock clock;

	WebhookEvents(AppliedStripeEventRepository applied, PaymentLinkRepository links, Settlement settlement,
			Clock clock) {
		this.applied = applied;
		this.links = links;
		this.settlement = settlement;
		this.clock = clock;
	}

	/** The outcome, and provider links to expire after commit (another live link of a session just paid). */
	record Applied(WebhookOutcome outcome, List<String> leftovers) {
	}

	@Transactional
	public Applied apply(CheckoutEvent event) {
		if (applied.existsById(event.eventId())) {
			return new Applied(WebhookOutcome.DUPLICATE, List.of());
		}
		applied.saveAndFlush(new AppliedStripeEvent(event.eventId(), event.type(), clock.instant()));
		Optional<PaymentLink> link = linkOf(event);
		if (link.isEmpty()) {
			log.warn("Stripe event {} ({}) names no payment link of ours (checkout {}, session {}); acknowledged",
					event.eventId(), event.type(), event.externalId(), event.sessionId());
			return new Applied(WebhookOutcome.IGNORED, List.of());
		}
		return switch (event.type()) {
			case "checkout.session.completed" -> PAID_STATUSES.contains(event.paymentStatus())
					? paid(link.get()) : new Applied(WebhookOutcome.IGNORED, List.of());
			case "checkout.session.async_payment_succeeded" -> paid(link.get());
			case "checkout.session.async_payment_failed" -> {
				settlement.failed(link.get(), "The asynchronous payment failed at Stripe");
				yield new Applied(WebhookOutcome.APPLIED, List.of());
			}
			case "checkout.session.expired" -> {
				settlement.expired(link.get(), "Expired at Stripe");
				yield new Applied(WebhookOutcome.APPLIED, List.of());
			}
			default -> new Applied(WebhookOutcome.IGNORED, List.of());
		};
	}

	private Applied paid(PaymentLink link) {
		return new Applied(WebhookOutcome.APPLIED, settlement.paid(link));
	}

	/** By the checkout's id; by our link id in its metadata when the checkout's creation was not recorded yet. */
	private Optional<PaymentLink> linkOf(CheckoutEvent event) {
		Optional<String> sessionId = Optional.ofNullable(event.externalId())
				.flatMap(externalId -> links.findSessionOfExternal("stripe", externalId))
				.or(() -> Optional.ofNullable(event.paymentLinkId()).flatMap(links::findSessionOf));
		return sessionId.flatMap(session -> links.lockAllOfSession(session).stream()
				.filter(link -> link.provider().equals("stripe"))
				.filter(link -> (event.externalId() != null && event.externalId().equals(link.externalId()))
						|| link.id().equals(event.paymentLinkId()))
				.findFirst());
	}
}
