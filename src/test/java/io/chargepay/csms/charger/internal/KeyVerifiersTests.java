package io.chargepay.csms.charger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyVerifiersTests {

	private static final String SECRET = "key-verifier-secret-for-unit-tests-01";

	@Test
	void aVerifierAdmitsExactlyTheChargerHashAndKeyItWasMadeFor() {
		KeyVerifiers verifiers = new KeyVerifiers(SECRET);
		String verifier = verifiers.verifierOf("CP-1", "hash-1", "the-authorization-key-01");

		assertThat(verifiers.matches(verifier, "CP-1", "hash-1", "the-authorization-key-01")).isTrue();
		assertThat(verifiers.matches(verifier, "CP-1", "hash-1", "not-the-key-at-all-0001")).isFalse();
		assertThat(verifiers.matches(verifier, "CP-2", "hash-1", "the-authorization-key-01")).isFalse();
		assertThat(verifiers.matches(verifier, "CP-1", "hash-2", "the-authorization-key-01")).as("a new key's hash")
				.isFalse();
		assertThat(verifier).doesNotContain("the-authorization-key-01");
	}

	@Test
	void aVerifierOutlivesARestartWithTheSameSecretOnlyAndAnotherSecretIgnoresIt() {
		String verifier = new KeyVerifiers(SECRET).verifierOf("CP-1", "hash-1", "the-authorization-key-01");

		assertThat(new KeyVerifiers(SECRET).matches(verifier, "CP-1", "hash-1", "the-authorization-key-01")).isTrue();
		assertThat(new KeyVerifiers("another-key-verifier-secret-0123456789")
				.matches(verifier, "CP-1", "hash-1", "the-authorization-key-01")).isFalse();
	}

	@Test
	void withoutASecretVerifiersHoldForThisProcessOnly() {
		KeyVerifiers running = new KeyVerifiers("");
		String verifier = running.verifierOf("CP-1", "hash-1", "the-authorization-key-01");

		assertThat(running.matches(verifier, "CP-1", "hash-1", "the-authorization-key-01")).isTrue();
		assertThat(new KeyVerifiers("").matches(verifier, "CP-1", "hash-1", "the-authorization-key-01"))
				.as("a restarted process draws a new secret").isFalse();
	}

	@Test
	void refusesASecretShorterThan32BytesAndStoredJunk() {
		assertThatThrownBy(() -> new KeyVerifiers("too-short")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("at least 32 bytes");
		KeyVerifiers verifiers = new KeyVerifiers(SECRET);
		String prefix = verifiers.verifierOf("CP-1", "h", "k").split(":")[0];
		assertThat(verifiers.matches(prefix + ":not-hex", "CP-1", "h", "k")).isFalse();
		assertThat(verifiers.matches(null, "CP-1", "h", "k")).isFalse();
	}
}
