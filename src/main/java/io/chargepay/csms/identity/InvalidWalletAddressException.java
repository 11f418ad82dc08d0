package io.chargepay.csms.identity;

public class InvalidWalletAddressException extends IllegalArgumentException {

	public InvalidWalletAddressException(String address, String expected) {
		super("Not a valid EVM wallet address (" + expected + "): " + address);
	}
}
