package io.chargepay.csms.charger.internal;

import io.chargepay.csms.charger.InvalidAuthorizationKeyException;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Salted PBKDF2 hashes of chargers' AuthorizationKeys. The iteration count is moderate on purpose: a fleet reconnecting
 * at once (after a CSMS restart) verifies thousands of keys within a minute, and the keys are machine-generated.
 */
@Component
public class ChargerCredentials {

	static final int MIN_KEY_LENGTH = 16;
	static final int MAX_KEY_LENGTH = 40;

	private final Pbkdf2PasswordEncoder encoder =
			new Pbkdf2PasswordEncoder("", 16, 20_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);

	public static void requireValidKey(String authorizationKey) {
		int length = authorizationKey.length();
		if (length < MIN_KEY_LENGTH || length > MAX_KEY_LENGTH) {
			throw new InvalidAuthorizationKeyException(MIN_KEY_LENGTH, MAX_KEY_LENGTH);
		}
	}

	public String hash(String authorizationKey) {
		return encoder.encode(authorizationKey);
	}

	public boolean matches(String authorizationKey, String hash) {
		return encoder.matches(authorizationKey, hash);
	}
}
