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
	void aChosenKeyMatchesOnlyItsOwnHashAndEachCheckIsCountedAsSlow() {
		io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
				new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
		ChargerCredentials counted = new ChargerCredentials(meters);
		String hash = counted.hash("the-authorization-key-01");

		assertThat(counted.matches("the-authorization-key-01", hash)).isTrue();
		assertThat(counted.matches("not-the-key-at-all-0001", hash)).isFalse();
		assertThat(counted.matches("the-authorization-key-01", counted.hash("the-rotated-key-000002"))).isFalse();
		assertThat(meters.counter("csms.charger.key.slow.checks").count()).isEqualTo(3);
	}

	@Test
	void generatesRandomKeysOf20AlphanumericsStoredAsSaltedSha256() {
		ChargerCredentials.GeneratedKey first = credentials.generate();
		ChargerCredentials.GeneratedKey second = credentials.generate();

		assertThat(first.authorizationKey()).matches("[A-Za-z0-9]{20}").isNotEqualTo(second.authorizationKey());
		assertThat(first.hash()).startsWith("{sha256}").doesNotContain(first.authorizationKey());
		assertThat(credentials.hashGenerated(first.authorizationKey())).isNotEqualTo(first.hash());
		assertThat(credentials.matches(first.authorizationKey(), first.hash())).isTrue();
		assertThat(credentials.matches(second.authorizationKey(), first.hash())).isFalse();
		assertThat(credentials.matches(first.authorizationKey(), first.hash())).isTrue();
	}

	@Test
	void refusesEveryKeyAgainstATruncatedGeneratedHash() {
		String hash = credentials.generate().hash();

		assertThat(credentials.matches("any-key-at-all-00001", hash.substring(0, hash.length() - 2))).isFalse();
	}

	@Test
	void keepsVerifyingPbkdf2HashesStoredBeforeGeneratedKeysExisted() {
		String legacy = credentials.hash("the-authorization-key-01");

		assertThat(legacy).doesNotStartWith("{");
		assertThat(credentials.matches("the-authorization-key-01", legacy)).isTrue();
		assertThat(credentials.matches("the-authorization-key-02", legacy)).isFalse();
	}
}
