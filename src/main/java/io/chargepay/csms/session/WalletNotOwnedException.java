package io.chargepay.csms.session;

/**
 * A session start names a wallet that is not one of the user's registered wallets on that chain. Without this check a
 * driver with an empty wallet could name any funded public address, pass the balance gate and reserve its funds.
 */
public class WalletNotOwnedException extends RuntimeException {

	public WalletNotOwnedException(String userId, String walletAddress, String chain) {
		super("Wallet " + walletAddress + " on " + chain + " is not registered to user " + userId);
	}
}
