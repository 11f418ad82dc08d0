package io.chargepay.csms.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which wallet addresses the system takes. Production enforces EIP-55 on mixed-case addresses. The sandbox does not by
 * default, because the API specification's own example address ({@code 0x742d35Cc...a6bE6c}) fails its checksum and
 * the sandbox must run the specification's examples as written; production refuses to start without enforcement.
 */
@Component
public class WalletAddressPolicy {

	private final boolean enforceChecksum;

	WalletAddressPolicy(@Value("${csms.wallets.enforce-checksum:true}") boolean enforceChecksum) {
		this.enforceChecksum = enforceChecksum;
	}

	public static WalletAddressPolicy enforcing() {
		return new WalletAddressPolicy(true);
	}

	/** The address if the policy takes it; otherwise {@link InvalidWalletAddressException} naming the checksummed form. */
	public WalletAddress validate(String address) {
		WalletAddress wallet = new WalletAddress(address);
		if (enforceChecksum && !wallet.checksumValid()) {
			throw new InvalidWalletAddressException(address,
					"mixed case must be the EIP-55 checksum " + WalletAddress.checksummed(address));
		}
		return wallet;
	}

	public boolean enforcesChecksum() {
		return enforceChecksum;
	}
}
