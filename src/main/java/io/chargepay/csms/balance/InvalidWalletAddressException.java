package io.chargepay.csms.balance;

/** The wallet address is not an EVM address (0x + 40 hex digits, EIP-55 checksummed when mixed case). */
public class InvalidWalletAddressException extends RuntimeException {

	public InvalidWalletAddressException(String message) {
		super(message);
	}
}
