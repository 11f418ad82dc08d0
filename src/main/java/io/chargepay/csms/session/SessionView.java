package io.chargepay.csms.session;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A charging session as the rest of the system sees it. {@code startedBy} / {@code stoppedBy}: who started it and
 * who stopped it, or failed it (none for sessions from before this was recorded, or still open); {@code finalCost}:
 * the cost an operator set when stopping it, billed instead of the tariff.
 */
public record SessionView(
		String sessionId,
		@Nullable String userId,
		String chargerId,
		int connectorId,
		@Nullable Integer transactionId,
		String idTag,
		SessionStatus status,
		@Nullable String balanceCheckId,
		@Nullable String walletAddress,
		@Nullable String chain,
		@Nullable Instant startedAt,
		@Nullable Instant stoppedAt,
		@Nullable Long energyWh,
		@Nullable Money amount,
		boolean billingHold,
		@Nullable String stopReason,
		@Nullable String failureReason,
		@Nullable String paymentLinkId,
		@Nullable String metadata,
		Instant createdAt,
		@Nullable Actor startedBy,
		@Nullable Actor stoppedBy,
		@Nullable BigDecimal finalCost) {
}
