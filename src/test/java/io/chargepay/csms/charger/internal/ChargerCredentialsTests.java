package io.chargepay.csms.charger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChargerCredentialsTests {

	private final ChargerCredentials credentials = new ChargerCredentials();

	@Test
	void aRememberedKeyStillHasToBeTheSameKey() {
		String hash = credentials.hash("first-key-0123456789");
		assertThat(credentials.matches("CP-1", "first-key-0123456789", hash)).isTrue();
		assertThat(credentials.matches("CP-1", "first-key-0123456789", hash)).as("remembered").isTrue();
		assertThat(credentials.matches("CP-1", "other-key-0123456789", hash)).isFalse();
		assertThat(credentials.matches("CP-2", "other-key-0123456789", hash)).isFalse();
	}

	@Test
	void aNewHashForgetsTheRememberedKey() {
		String oldHash = credentials.hash("first-key-0123456789");
		assertThat(credentials.matches("CP-1", "first-key-0123456789", oldHash)).isTrue();
		String newHash = credentials.hash("second-key-0123456789");
		assertThat(credentials.matches("CP-1", "first-key-0123456789", newHash)).isFalse();
		assertThat(credentials.matches("CP-1", "second-key-0123456789", newHash)).isTrue();
	}

	@Test
	void rememberingIsPerCharger() {
		String hash = credentials.hash("shared-key-0123456789");
		assertThat(credentials.matches("CP-1", "shared-key-0123456789", hash)).isTrue();
		assertThat(credentials.matches("CP-2", "wrong-key-00000000000", hash)).isFalse();
		assertThat(credentials.matches("CP-2", "shared-key-0123456789", hash)).isTrue();
	}
}
