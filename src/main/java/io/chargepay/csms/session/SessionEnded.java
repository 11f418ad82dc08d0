package io.chargepay.csms.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Published once per charging session, in the transaction that stores its stop. {@code amount} is what the driver
 * owes; null with {@code billingHold} when the session must not be billed automatically (a meter that ran backwards):
 * an operator looks at it.
 */
public record SessionEnded(
		String sessionId,
		String chargerId,
		int transactionId,
		String idTag,
		@Nullable String userId,
		@Nullable Long energyWh,
		@Nullable Money amount,
		boolean billingHold,
		@Nullable String balanceCheckId,
		Instant endedAt) {
}
