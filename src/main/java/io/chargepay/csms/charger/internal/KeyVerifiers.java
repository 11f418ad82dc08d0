package io.chargepay.csms.charger.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a charger whose chosen key passed PBKDF2 once be admitted again, after a restart too, for an HMAC instead of
 * another ~8 ms PBKDF2 check: the verifier stored with the charger is HMAC-SHA256 under
 * {@code csms.chargers.key-verifier-secret} (from the environment, at least 32 bytes, never in the database) of the
 * charger id, its stored hash and the key. Without the secret a stolen verifier cannot be tested against guesses, so
 * a dump is worth no more than the PBKDF2 hash; a new key (a new hash) or a rotated secret (the verifier names the
 * secret it was made with) means PBKDF2 once more and a fresh verifier. Unset, the secret is random for the life of
 * the process: reconnects while it runs are cheap, and after a restart, or on another node, each chosen key costs one
 * PBKDF2 check again before a fresh verifier replaces the stale one.
 */
@Component
public class KeyVerifiers {

	private static final Logger log = LoggerFactory.getLogger(KeyVerifiers.class);
	private static final HexFormat HEX = HexFormat.of();
	static final int MIN_SECRET_BYTES = 32;

	private final SecretKeySpec secret;
	private final String secretId;

	/** Public for the benchmark's seeding tool (bench/tools/HashKey.java), which stores verifiers as registration does. */
	public KeyVerifiers(@Value("${csms.chargers.key-verifier-secret:}") String configured) {
		byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > 0 && bytes.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("csms.chargers.key-verifier-secret must be at least " + MIN_SECRET_BYTES
					+ " bytes");
		}
		if (bytes.length == 0) {
			bytes = new byte[MIN_SECRET_BYTES];
			new SecureRandom().nextBytes(bytes);
			log.info("csms.chargers.key-verifier-secret is not set: chosen keys are remembered until this process "
					+ "stops, and each costs one PBKDF2 check again after a restart or on another node");
		}
		this.secret = new SecretKeySpec(bytes, "HmacSHA256");
		// Names the secret without revealing it: a verifier made under another secret is simply not matched.
		this.secretId = HEX.formatHex(digest("csms-key-verifier-id", bytes), 0, 4);
	}

	/** The verifier to store once {@code key} passed the slow check against {@code passwordHash}. */
	public String verifierOf(String chargerId, String passwordHash, String key) {
		return secretId + ":" + HEX.formatHex(mac(chargerId, passwordHash, key));
	}

	/** Whether {@code stored} was made under the current secret for exactly this charger, hash and key. */
	public boolean matches(@Nullable String stored, String chargerId, String passwordHash, String key) {
		if (stored == null || !stored.startsWith(secretId + ":")) {
			return false;
		}
		byte[] expected;
		try {
			expected = HEX.parseHex(stored.substring(secretId.length() + 1));
		}
		catch (IllegalArgumentException notHex) {
			return false;
		}
		return MessageDigest.isEqual(expected, mac(chargerId, passwordHash, key));
	}

	private byte[] mac(String chargerId, String passwordHash, String key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(secret);
			// Length-prefixed, so no two (id, hash, key) triples give the same input.
			for (String part : new String[] { chargerId, passwordHash, key }) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				mac.update(new byte[] { (byte) (bytes.length >>> 8), (byte) bytes.length });
				mac.update(bytes);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException unavailable) {
			throw new IllegalStateException("HmacSHA256 is not available", unavailable);
		}
	}

	private static byte[] digest(String label, byte[] secret) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(label.getBytes(StandardCharsets.UTF_8));
			return sha256.digest(secret);
		}
		catch (GeneralSecurityException unavailable) {
			throw new IllegalStateException("SHA-256 is not available", unavailable);
		}
	}
}
