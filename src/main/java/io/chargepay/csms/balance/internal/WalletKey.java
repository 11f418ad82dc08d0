package io.chargepay.csms.balance.internal;

import java.util.Locale;

import jakarta.persistence.Embeddable;

/** A wallet on a chain: the chain in upper case, the address in lower case, so spellings of one wallet meet. */
@Embeddable
public record WalletKey(String chain, String walletAddress) {

	public static WalletKey of(String chain, String walletAddress) {
		return new WalletKey(chain.toUpperCase(Locale.ROOT), walletAddress.toLowerCase(Locale.ROOT));
	}
}
