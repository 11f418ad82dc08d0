package io.chargepay.csms.balance;

import java.math.BigDecimal;

/**
 * Reads what a wallet holds on one kind of chain. {@link BalanceService} picks the first provider that
 * {@link #supports(String) supports} the request's chain.
 */
public interface BalanceProvider {

	/** Recorded as {@code balance_checks.provider}. */
	String name();

	/** {@code chain} is the request's chain in upper case. */
	boolean supports(String chain);

	/**
	 * Runs outside any database transaction and reports chain trouble as {@link ProviderAnswer#error}, never by throwing.
	 * {@code reservedAmount} is what the wallet's held reservations came to when the check began; a provider may use it
	 * to decide how far to look (the evm provider stops at the first asset that covers {@code requestedAmount +
	 * reservedAmount}). The decision itself is taken again by {@link ProviderAnswer#coverage} under the wallet's lock,
	 * with the reservations held at that moment.
	 */
	ProviderAnswer check(String walletAddress, String chain, BigDecimal requestedAmount, BigDecimal reservedAmount);
}
