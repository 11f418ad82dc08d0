package io.chargepay.csms.balance.internal;

import java.util.Optional;

/** Checks wallet addresses; the implementation needs Keccak-256 and so lives beside the chain client. */
public interface WalletAddresses {

	/** Empty when {@code address} is an EVM address, {@code 0x} and 40 hex digits; otherwise what is wrong with it. */
	Optional<String> formatProblem(String address);

	/**
	 * Whether a well-formed address passes its EIP-55 checksum: an all-lower or all-upper case address carries none and
	 * passes; a mixed-case one must be exactly the checksum spelling.
	 */
	boolean checksumValid(String address);

	/** The EIP-55 checksum spelling of a well-formed address. */
	String checksummed(String address);
}
