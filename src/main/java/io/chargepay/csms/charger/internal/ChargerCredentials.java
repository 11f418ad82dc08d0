package io.chargepay.csms.charger.internal;

import io.chargepay.csms.charger.InvalidAuthorizationKeyException;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Salted PBKDF2 hashes of chargers' AuthorizationKeys. The iteration count is moderate on purpose: a fleet reconnecting
 * at once verifies thousands of keys within a minute, and the keys are machine-generated. A key verified once is
 * remembered (as an HMAC under a key that lives only in this process) until the stored hash changes, so a reconnect
 * costs a microsecond instead of a PBKDF2 derivation.
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

	private record Verified(String passwordHash, byte[] keyMac) {
	}

	private final java.util.Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();
	private final javax.crypto.spec.SecretKeySpec macKey = randomMacKey();

	public boolean matches(String chargerId, String authorizationKey, String hash) {
		byte[] mac = mac(authorizationKey);
		Verified known = verified.get(chargerId);
		if (known != null && known.passwordHash().equals(hash)
				&& java.security.MessageDigest.isEqual(known.keyMac(), mac)) {
			return true;
		}
		boolean matches = encoder.matches(authorizationKey, hash);
		if (matches) {
			verified.put(chargerId, new Verified(hash, mac));
		}
		return matches;
	}

	private byte[] mac(String authorizationKey) {
		try {
			javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
			mac.init(macKey);
			return mac.doFinal(authorizationKey.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static javax.crypto.spec.SecretKeySpec randomMacKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256");
	}
}
