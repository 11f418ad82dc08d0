package io.chargepay.csms.balance.internal;

import java.math.BigDecimal;
import java.util.UUID;

/** A validated check on its way to being recorded: the request as it will be stored, and the provider asked. */
public record PendingCheck(String id, String userId, String walletAddress, WalletKey wallet, BigDecimal requestedAmount,
		String provider) {

	public static PendingCheck of(String userId, String walletAddress, String chain, BigDecimal requestedAmount,
			String provider) {
		return new PendingCheck(UUID.randomUUID().toString(), userId, walletAddress, WalletKey.of(chain, walletAddress),
				requestedAmount, provider);
	}
}
