package io.chargepay.csms.payment;

import java.math.BigDecimal;
import java.time.Instant;

import io.chargepay.csms.session.Actor;
import org.jspecify.annotations.Nullable;

/**
 * A payment link as the rest of the system sees it. {@code amount} is in major units of {@code currency} (0.50 usd);
 * {@code url} and {@code externalId} (the Checkout Session id) are null until the provider has created it;
 * {@code metadata} is JSON text with the creation context (session, user, charger, transaction, balance check, energy);
 * {@code createdBy}: the system for a session's first link, the driver or operator who recreated it otherwise.
 */
public record PaymentLinkView(
		String id,
		String sessionId,
		String provider,
		@Nullable String externalId,
		@Nullable String url,
		BigDecimal amount,
		String currency,
		PaymentLinkStatus status,
		Instant createdAt,
		Instant expiresAt,
		@Nullable String failureReason,
		@Nullable String metadata,
		@Nullable Actor createdBy) {
}
