package io.chargepay.csms.payment.internal;

import org.jspecify.annotations.Nullable;

/**
 * A verified provider event about one checkout: its event id (applied once), type, the checkout's id at the provider,
 * its payment status, the amount (minor units) and currency it was for, and our own ids as the checkout carries them
 * (client_reference_id, metadata).
 */
public record CheckoutEvent(String eventId, String type, @Nullable String externalId, @Nullable String paymentStatus,
		@Nullable Long amountTotal, @Nullable String currency, @Nullable String sessionId,
		@Nullable String paymentLinkId) {
}
