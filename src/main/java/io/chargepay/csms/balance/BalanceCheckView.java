package io.chargepay.csms.balance;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A recorded balance check, field for field the spec's BalanceCheck entity; {@code metadata} is JSON text. */
public record BalanceCheckView(
		String id,
		String userId,
		String walletAddress,
		String chain,
		BigDecimal requestedAmount,
		@Nullable BigDecimal actualBalance,
		BalanceStatus status,
		String provider,
		@Nullable String errorMessage,
		@Nullable String metadata,
		Instant createdAt,
		Instant updatedAt) {
}
