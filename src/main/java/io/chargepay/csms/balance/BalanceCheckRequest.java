package io.chargepay.csms.balance;

import java.math.BigDecimal;

/**
 * A balance check to run: does {@code walletAddress} on {@code chain} hold {@code requestedAmount} (fiat, in
 * {@code csms.payments.currency}) beyond what its open reservations already hold?
 */
public record BalanceCheckRequest(String userId, String walletAddress, String chain, BigDecimal requestedAmount) {
}
