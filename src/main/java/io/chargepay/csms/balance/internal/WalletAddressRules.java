package io.chargepay.csms.balance.internal;

import io.chargepay.csms.balance.InvalidWalletAddressException;
import io.chargepay.csms.identity.WalletAddress;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which wallet addresses a check takes. Always {@code 0x} and 40 hex digits. A mixed-case address must pass its EIP-55
 * checksum on a real (EVM) chain, where a mistyped address is someone else's money; on a sandbox chain only when
 * {@code csms.wallets.enforce-checksum} is true, because the spec's own example wallet (0x742d35Cc…a6bE6c) is mixed case
 * without a valid checksum and the sandbox must run the spec's examples as written.
 */
@Component
public class WalletAddressRules {

	private final boolean enforceOnSandboxChains;

	WalletAddressRules(@Value("${csms.wallets.enforce-checksum:false}") boolean enforceOnSandboxChains) {
		this.enforceOnSandboxChains = enforceOnSandboxChains;
	}

	public void requireWellFormed(@Nullable String address) {
		if (address == null) {
			throw new InvalidWalletAddressException("walletAddress is required");
		}
		if (!WalletAddress.isWellFormed(address)) {
			throw new InvalidWalletAddressException("a wallet address is 0x followed by 40 hexadecimal digits");
		}
	}

	public void requireChecksum(String address, boolean sandboxChain) {
		if ((!sandboxChain || enforceOnSandboxChains) && !new WalletAddress(address).checksumValid()) {
			throw new InvalidWalletAddressException("the mixed-case wallet address fails its EIP-55 checksum; did you "
					+ "mean " + WalletAddress.checksummed(address) + "?");
		}
	}
}
