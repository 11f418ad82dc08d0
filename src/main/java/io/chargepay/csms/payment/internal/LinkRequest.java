package io.chargepay.csms.payment.internal;

import java.time.Instant;
import java.util.Map;

/**
 * Everything a provider needs to create one link, derived from the stored link alone so that every retry sends the
 * same request under the same idempotency key.
 */
public record LinkRequest(
		String paymentLinkId,
		String sessionId,
		long amountMinor,
		String currency,
		String productName,
		Instant expiresAt,
		String idempotencyKey,
		Map<String, String> metadata) {
}
