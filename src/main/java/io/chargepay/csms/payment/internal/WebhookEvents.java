package io.chargepay.csms.payment.internal;

import io.chargepay.csms.session.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
	private final Counter mismatches;

	WebhookEvents(AppliedStripeEventRepository applied, PaymentLinkRepository links, Settlement settlement,
			Clock clock, MeterRegistry meters) {
		this.applied = applied;
		this.links = links;
		this.settlement = settlement;
		this.clock = clock;
		this.mismatches = Counter.builder("csms.payment.webhooks.mismatched")
				.description("Stripe payments not applied: amount or currency differs from the link's").register(meters);
	}

	/** The outcome, and provider links to expire after commit (another live link of a session just paid). */
	record Applied(WebhookOutcome outcome, List<String> leftovers) {
	}

	@Transactional
	public Applied apply(CheckoutEvent event) {
		if (applied.existsById(event.eventId())) {
			return new Applied(WebhookOutcome.DUPLICATE, List.of());
		}
		AppliedStripeEvent record = applied.saveAndFlush(new AppliedStripeEvent(event.eventId(), event.type(),
				clock.instant()));
		Optional<PaymentLink> link = linkOf(event);
		if (link.isEmpty()) {
			log.warn("Stripe event {} ({}) names no payment link of ours (checkout {}, session {}); acknowledged",
					event.eventId(), event.type(), event.externalId(), event.sessionId());
			return new Applied(WebhookOutcome.IGNORED, List.of());
		}
		return switch (event.type()) {
			case "checkout.session.completed" -> PAID_STATUSES.contains(event.paymentStatus())
					? paid(link.get(), event, record) : new Applied(WebhookOutcome.IGNORED, List.of());
			case "checkout.session.async_payment_succeeded" -> paid(link.get(), event, record);
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

	/** A payment for another amount or currency than the link asked for settles nothing: it is recorded for an operator. */
	private Applied paid(PaymentLink link, CheckoutEvent event, AppliedStripeEvent record) {
		Money asked = link.amount();
		boolean sameAmount = event.amountTotal() != null && event.amountTotal() == asked.minorUnits();
		boolean sameCurrency = event.currency() != null && event.currency().equalsIgnoreCase(asked.currency());
		if (!sameAmount || !sameCurrency) {
			String detail = "paid " + event.amountTotal() + " " + event.currency() + " for link " + link.id()
					+ " of " + asked.minorUnits() + " " + asked.currency();
			log.warn("Stripe event {} ({}) not applied: {}", event.eventId(), event.type(), detail);
			record.refuse(WebhookOutcome.MISMATCHED, detail);
			mismatches.increment();
			return new Applied(WebhookOutcome.MISMATCHED, List.of());
		}
		return new Applied(WebhookOutcome.APPLIED, settlement.paid(link));
	}

	/**
	 * By the checkout's id at Stripe; by our link id in its metadata only while the link has no Stripe id recorded
	 * (its creation's answer not committed yet), so metadata alone can never settle a link of another checkout.
	 */
	private Optional<PaymentLink> linkOf(CheckoutEvent event) {
		Optional<String> sessionId = Optional.ofNullable(event.externalId())
				.flatMap(externalId -> links.findSessionOfExternal("stripe", externalId))
				.or(() -> Optional.ofNullable(event.paymentLinkId()).flatMap(links::findSessionOf));
		return sessionId.flatMap(session -> links.lockAllOfSession(session).stream()
				.filter(link -> link.provider().equals("stripe"))
				.filter(link -> link.externalId() != null ? link.externalId().equals(event.externalId())
						: link.id().equals(event.paymentLinkId()))
				.findFirst());
	}
}
