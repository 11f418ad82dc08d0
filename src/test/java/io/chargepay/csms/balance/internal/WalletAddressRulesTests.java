package io.chargepay.csms.balance.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargepay.csms.balance.InvalidWalletAddressException;
import org.junit.jupiter.api.Test;

class WalletAddressRulesTests {

	static final String SPEC_DEMO_WALLET = "0x742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c";

	private final WalletAddressRules sandboxDefaults = new WalletAddressRules(false);
	private final WalletAddressRules enforcing = new WalletAddressRules(true);

	@Test
	void enforcesTheChecksumOnRealChainsWhateverTheSetting() {
		assertThatThrownBy(() -> sandboxDefaults.requireChecksum(SPEC_DEMO_WALLET, false))
				.isInstanceOf(InvalidWalletAddressException.class)
				.hasMessageContaining("0x742D35cc6634c0532925a3b8d95b0e8b19A6Be6C");
		assertThatCode(() -> sandboxDefaults.requireChecksum(SPEC_DEMO_WALLET.toLowerCase(), false))
				.doesNotThrowAnyException();
	}

	@Test
	void takesTheSpecsDemoWalletOnSandboxChainsUnlessChecksumsAreEnforced() {
		assertThatCode(() -> sandboxDefaults.requireChecksum(SPEC_DEMO_WALLET, true)).doesNotThrowAnyException();
		assertThatThrownBy(() -> enforcing.requireChecksum(SPEC_DEMO_WALLET, true))
				.isInstanceOf(InvalidWalletAddressException.class);
	}

	@Test
	void refusesAMissingOrMalformedAddressEverywhere() {
		assertThatThrownBy(() -> sandboxDefaults.requireWellFormed(null)).isInstanceOf(InvalidWalletAddressException.class);
		assertThatThrownBy(() -> sandboxDefaults.requireWellFormed("0x742d35Cc"))
				.isInstanceOf(InvalidWalletAddressException.class);
	}
}
