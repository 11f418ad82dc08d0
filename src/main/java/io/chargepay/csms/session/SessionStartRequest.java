package io.chargepay.csms.session;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A driver's request to charge: who, where, which wallet pays, and the most the session may cost; and who asked (the
 * driver, or an operator for them).
 */
public record SessionStartRequest(String userId, String chargerId, @Nullable Integer connectorId, String walletAddress,
		String chain, BigDecimal expectedMaxCost, @Nullable String metadata, Actor requestedBy) {
}
