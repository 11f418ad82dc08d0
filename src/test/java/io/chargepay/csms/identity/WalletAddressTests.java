package io.chargepay.csms.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WalletAddressTests {

	/** The test vectors of EIP-55 itself. */
	@ParameterizedTest
	@ValueSource(strings = { "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
			"0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
			"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
			"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb" })
	void acceptsTheChecksumSpellingAndSingleCaseAddresses(String address) {
		assertThat(WalletAddress.isWellFormed(address)).isTrue();
		assertThat(new WalletAddress(address).checksumValid()).isTrue();
	}

	@Test
	void refusesAMixedCaseAddressWithOneLetterInTheWrongCase() {
		assertThat(new WalletAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD").checksumValid()).isFalse();
		assertThat(WalletAddress.checksummed("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
				.isEqualTo("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
	}

	@Test
	void findsTheSpecsDemoWalletMixedCaseButNotChecksummed() {
		assertThat(WalletAddress.isWellFormed("0x742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c")).isTrue();
		assertThat(new WalletAddress("0x742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c").checksumValid()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "0x", "742d35cc6634c0532925a3b8d95b0e8b19a6be6c", "0X742d35cc6634c0532925a3b8d95b0e8b19a6be6c",
			"0x742d35cc6634c0532925a3b8d95b0e8b19a6be6", "0x742d35cc6634c0532925a3b8d95b0e8b19a6be6c0",
			"0x742d35cc6634c0532925a3b8d95b0e8b19a6be6g", " 0x742d35cc6634c0532925a3b8d95b0e8b19a6be6c" })
	void refusesAnythingButZeroXAndFortyHexDigits(String address) {
		assertThat(WalletAddress.isWellFormed(address)).isFalse();
	}
}
