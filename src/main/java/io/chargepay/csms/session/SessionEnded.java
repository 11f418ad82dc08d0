package io.chargepay.csms.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Published once per charging session, in the transaction that stores its stop. */
public record SessionEnded(
		String sessionId,
		String chargerId,
		int transactionId,
		String idTag,
		@Nullable String userId,
		@Nullable Long energyWh,
		boolean meterAnomaly,
		Instant endedAt) {
}
