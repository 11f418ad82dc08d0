package io.chargepay.csms.balance;

/** No balance provider serves the chain: it is not under {@code csms.chains} and the sandbox is off (prod). */
public class UnknownChainException extends RuntimeException {

	public UnknownChainException(String message) {
		super(message);
	}
}
