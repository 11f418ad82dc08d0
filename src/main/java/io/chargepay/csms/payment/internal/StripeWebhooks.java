package io.chargepay.csms.payment.internal;

import io.chargepay.csms.payment.WebhookOutcome;
import io.chargepay.csms.payment.internal.stripe.StripeWebhookVerifier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** A Stripe webhook delivery: verified, applied once, and links a payment made redundant expired at Stripe. */
@Component
public class StripeWebhooks {

	private final StripeWebhookVerifier verifier;
	private final WebhookEvents events;
	private final LinkCreation creation;

	StripeWebhooks(StripeWebhookVerifier verifier, WebhookEvents events, LinkCreation creation) {
		this.verifier = verifier;
		this.events = events;
		this.creation = creation;
	}

	public WebhookOutcome accept(String payload, @Nullable String signatureHeader) {
		CheckoutEvent event = verifier.verify(payload, signatureHeader);
		WebhookEvents.Applied applied;
		try {
			applied = events.apply(event);
		}
		catch (DataIntegrityViolationException concurrentDelivery) {
			// The same event id arrived twice at once; the other delivery applied it.
			return WebhookOutcome.DUPLICATE;
		}
		applied.leftovers().forEach(creation::expireQuietly);
		return applied.outcome();
	}
}
