package io.chargepay.csms.charger.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

	/** Verified keys remembered, at most this many chargers; past it the memory starts over. */
	static final int MAX_REMEMBERED = 100_000;

	private final Pbkdf2PasswordEncoder encoder =
			new Pbkdf2PasswordEncoder("", 16, 20_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);

	/**
	 * A charger that reconnects (a network blip, a retry after its handshake timed out while we were busy) presents the
	 * key we verified a moment ago: for each charger, the last key that passed PBKDF2 is remembered as an HMAC under a
	 * key that lives only in this process, tied to the stored hash, so a changed key or a new hash means PBKDF2 again.
	 * A reconnect storm while the CSMS is up then costs microseconds per charger instead of ~8 ms of CPU.
	 */
	private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
	private final SecretKeySpec rememberKey = new SecretKeySpec(randomBytes(32), "HmacSHA256");

	private record Remembered(String passwordHash, byte[] keyMac) {
	}

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

	/** {@link #matches(String, String)} for a charger, remembering the last key that passed for it. */
	public boolean matches(String chargerId, String authorizationKey, String hash) {
		byte[] keyMac = mac(authorizationKey);
		Remembered remembered = verified.get(chargerId);
		if (remembered != null && remembered.passwordHash().equals(hash)
				&& MessageDigest.isEqual(remembered.keyMac(), keyMac)) {
			return true;
		}
		if (!encoder.matches(authorizationKey, hash)) {
			return false;
		}
		if (verified.size() >= MAX_REMEMBERED) {
			verified.clear();
		}
		verified.put(chargerId, new Remembered(hash, keyMac));
		return true;
	}

	private byte[] mac(String authorizationKey) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(rememberKey);
			return mac.doFinal(authorizationKey.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException unavailable) {
			throw new IllegalStateException("HmacSHA256 is not available", unavailable);
		}
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}
}
