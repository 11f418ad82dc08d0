package io.chargepay.csms.session.internal;

import java.math.BigDecimal;
import java.time.Instant;

import io.chargepay.csms.session.Actor;
import org.jspecify.annotations.Nullable;

/** What a session started from the app knows before the charger starts it. */
public record PendingSession(String userId, String chargerId, @Nullable Integer connectorId, String idTag,
		String balanceCheckId, String walletAddress, String chain, BigDecimal expectedMaxCost,
		@Nullable String metadata, Instant pendingUntil, Actor requestedBy) {
}
