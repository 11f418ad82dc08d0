package io.chargepay.csms.balance;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The answer to a balance check, already committed as the {@code balance_checks} row {@code balanceCheckId}.
 * {@code actualBalance} is the fiat value of the asset the decision rested on (null for ERROR).
 */
public record BalanceCheckResult(
		String balanceCheckId,
		BalanceStatus status,
		BigDecimal requestedAmount,
		@Nullable BigDecimal actualBalance,
		String provider,
		@Nullable String errorMessage) {

	public boolean sufficient() {
		return status == BalanceStatus.SUFFICIENT;
	}
}
