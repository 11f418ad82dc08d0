package io.chargepay.csms.charger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChargerCredentialsTests {

	private final ChargerCredentials credentials = new ChargerCredentials(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

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

	@Test
	void generatesRandomKeysOf20AlphanumericsStoredAsSaltedSha256() {
		ChargerCredentials.GeneratedKey first = credentials.generate();
		ChargerCredentials.GeneratedKey second = credentials.generate();

		assertThat(first.authorizationKey()).matches("[A-Za-z0-9]{20}").isNotEqualTo(second.authorizationKey());
		assertThat(first.hash()).startsWith("{sha256}").doesNotContain(first.authorizationKey());
		assertThat(credentials.hashGenerated(first.authorizationKey())).isNotEqualTo(first.hash());
		assertThat(credentials.matches("CP-1", first.authorizationKey(), first.hash())).isTrue();
		assertThat(credentials.matches("CP-1", second.authorizationKey(), first.hash())).isFalse();
		assertThat(credentials.matches(first.authorizationKey(), first.hash())).isTrue();
	}

	@Test
	void refusesEveryKeyAgainstATruncatedGeneratedHash() {
		String hash = credentials.generate().hash();

		assertThat(credentials.matches("CP-1", "any-key-at-all-00001", hash.substring(0, hash.length() - 2))).isFalse();
	}

	@Test
	void keepsVerifyingPbkdf2HashesStoredBeforeGeneratedKeysExisted() {
		String legacy = credentials.hash("the-authorization-key-01");

		assertThat(legacy).doesNotStartWith("{");
		assertThat(credentials.matches("the-authorization-key-01", legacy)).isTrue();
		assertThat(credentials.matches("the-authorization-key-02", legacy)).isFalse();
	}
}
