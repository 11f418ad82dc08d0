package io.chargepay.csms.charger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChargerCredentialsTests {

	private final ChargerCredentials credentials = new ChargerCredentials();

	@Test
	void storesASaltedHashNeverTheKey() {
		String first = credentials.hash("the-authorization-key-01");

		assertThat(first).doesNotContain("the-authorization-key-01");
		assertThat(credentials.hash("the-authorization-key-01")).isNotEqualTo(first);
	}

	@Test
	void aRememberedKeyStillRefusesAWrongOne() {
		String hash = credentials.hash("the-authorization-key-01");

		assertThat(credentials.matches("CP-1", "the-authorization-key-01", hash)).isTrue();
		assertThat(credentials.matches("CP-1", "the-authorization-key-01", hash)).isTrue();
		assertThat(credentials.matches("CP-1", "not-the-key-at-all-0001", hash)).isFalse();
	}

	@Test
	void forgetsARememberedKeyWhenTheStoredHashChanges() {
		String old = credentials.hash("the-authorization-key-01");
		assertThat(credentials.matches("CP-1", "the-authorization-key-01", old)).isTrue();

		String rotated = credentials.hash("the-rotated-key-000002");

		assertThat(credentials.matches("CP-1", "the-authorization-key-01", rotated)).isFalse();
		assertThat(credentials.matches("CP-1", "the-rotated-key-000002", rotated)).isTrue();
	}
}
