package io.chargepay.csms.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WalletAddressPolicyTests {

	private final WalletAddressPolicy enforcing = WalletAddressPolicy.enforcing();
	private final WalletAddressPolicy sandbox = new WalletAddressPolicy(false);

	@Test
	void takesTheEip55TestVectorsAndSingleCaseAddresses() {
		for (String address : new String[] { "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
				"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
				"0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", "0x52908400098527886e0f7030069857d2e4169ee7",
				"0x8617E340B3D01FA5F11F306F4090FD50E238070D" }) {
			assertThat(enforcing.validate(address).value()).isEqualTo(address);
		}
	}

	@Test
	void refusesAMixedCaseAddressWithABadChecksumNamingTheRightOne() {
		assertThatThrownBy(() -> enforcing.validate("0x5aaEb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
				.isInstanceOf(InvalidWalletAddressException.class)
				.hasMessageContaining("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
	}

	@Test
	void refusesWhatIsNotAnAddressInAnyMode() {
		for (String address : new String[] { "0x1234", "742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c",
				"0xZZ2d35Cc6634C0532925a3b8D95B0E8b19a6bE6c", "0x742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c00" }) {
			assertThatThrownBy(() -> sandbox.validate(address)).isInstanceOf(InvalidWalletAddressException.class);
		}
	}

	@Test
	void letsTheSandboxTakeTheSpecificationsExampleAddressWhoseChecksumIsWrong() {
		String specExample = "0x742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c";

		assertThat(new WalletAddress(specExample).checksumValid()).isFalse();
		assertThat(sandbox.validate(specExample).value()).isEqualTo(specExample);
		assertThatThrownBy(() -> enforcing.validate(specExample)).isInstanceOf(InvalidWalletAddressException.class);
	}
}
