package io.chargepay.csms.payment.internal;

import io.chargepay.csms.payment.WebhookOutcome;
import org.jspecify.annotations.Nullable;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A Stripe event id that has been applied; Stripe delivers at least once and may repeat any event. */
@Entity
@Table(name = "applied_stripe_events")
class AppliedStripeEvent {

	@Id
	private String eventId;
	private String type;
	private Instant receivedAt;
	private @Nullable String outcome;
	private @Nullable String detail;

	protected AppliedStripeEvent() {
		this.eventId = "";
		this.type = "";
		this.receivedAt = Instant.EPOCH;
	}

	AppliedStripeEvent(String eventId, String type, Instant receivedAt) {
		this.eventId = eventId;
		this.type = type;
		this.receivedAt = receivedAt;
	}

	void refuse(WebhookOutcome outcome, String detail) {
		this.outcome = outcome.name();
		this.detail = detail.length() > 255 ? detail.substring(0, 255) : detail;
	}
}
