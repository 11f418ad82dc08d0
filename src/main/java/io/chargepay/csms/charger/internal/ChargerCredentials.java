package io.chargepay.csms.charger.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;


import io.chargepay.csms.charger.InvalidAuthorizationKeyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Chargers' AuthorizationKeys, kept only as salted hashes, in one of two forms chosen by where the key came from:
 * <ul>
 * <li>A key an operator chose may be guessable, so it gets PBKDF2 (20,000 iterations, ~8 ms of CPU per check here).</li>
 * <li>A key the CSMS generated ({@link #generate()}) is 20 characters from a CSPRNG, about 119 bits, as the OCA
 * security whitepaper asks for (random, 16-20 bytes). Guessing it is out of reach however fast the hash, so it is
 * stored as salted SHA-256 ({@value #GENERATED_PREFIX}...): a fleet reconnecting after a CSMS restart is then admitted
 * in microseconds per charger instead of 8 ms, which on 2 cores is the difference between a 10,000-charger storm
 * finishing in seconds and taking minutes (BENCHMARKS.md).</li>
 * </ul>
 * Hashes without the prefix are PBKDF2, the form every key had before generated keys existed.
 */
@Component
public class ChargerCredentials {

	static final int MIN_KEY_LENGTH = 16;
	static final int MAX_KEY_LENGTH = 40;
	static final int GENERATED_KEY_LENGTH = 20;
	static final String GENERATED_PREFIX = "{sha256}";

	private static final String GENERATED_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	private static final int SALT_BYTES = 16;
	private static final HexFormat HEX = HexFormat.of();

	private final SecureRandom random = new SecureRandom();
	private final Pbkdf2PasswordEncoder encoder =
			new Pbkdf2PasswordEncoder("", 16, 20_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
	/** A hash of a key nobody has: refused checks verify against it (see spendRefusedCheck). */
	private final String refusalHash = encoder.encode(HexFormat.of().formatHex(randomBytes(20)));
	private final Counter refusalChecks;
	private final Counter slowChecks;

	/**
	 * PBKDF2 checks running at once. Upgrades are decided on several admission threads, because most of their time is
	 * spent waiting for the database; the CPU-bound part is held to one check per two cores, so that a storm of chosen
	 * keys takes at most that share of the CPU from the chargers already connected.
	 */
	private final Semaphore slowCheckSlots;

	/** Public for the benchmark's seeding tool (bench/tools/HashKey.java), which hashes keys as the CSMS does. */
	public ChargerCredentials(MeterRegistry meters) {
		this(meters, 0);
	}

	@Autowired
	ChargerCredentials(MeterRegistry meters, @Value("${csms.chargers.concurrent-slow-checks:0}") int concurrentSlowChecks) {
		this.slowCheckSlots = new Semaphore(concurrentSlowChecks > 0 ? concurrentSlowChecks
				: Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);
		this.refusalChecks = Counter.builder("csms.charger.key.refusal.checks")
				.description("Key checks spent on refused upgrades so that each refusal costs the same")
				.register(meters);
		this.slowChecks = Counter.builder("csms.charger.key.slow.checks")
				.description("PBKDF2 checks of chosen keys that no verifier had admitted (refusals not counted)").register(meters);
	}

	/** A key the CSMS made, to hand to the operator once, and the hash to store. */
	public record GeneratedKey(String authorizationKey, String hash) {
	}

	public static void requireValidKey(String authorizationKey) {
		int length = authorizationKey.length();
		if (length < MIN_KEY_LENGTH || length > MAX_KEY_LENGTH) {
			throw new InvalidAuthorizationKeyException(MIN_KEY_LENGTH, MAX_KEY_LENGTH);
		}
	}

	/** The hash of a key an operator chose. */
	public String hash(String authorizationKey) {
		return encoder.encode(authorizationKey);
	}

	/** A new random key and its hash. */
	public GeneratedKey generate() {
		StringBuilder key = new StringBuilder(GENERATED_KEY_LENGTH);
		for (int i = 0; i < GENERATED_KEY_LENGTH; i++) {
			key.append(GENERATED_ALPHABET.charAt(random.nextInt(GENERATED_ALPHABET.length())));
		}
		return new GeneratedKey(key.toString(), hashGenerated(key.toString()));
	}

	/** The stored form of a generated key; public for the benchmark, which seeds a fleet as if we had generated it. */
	public String hashGenerated(String authorizationKey) {
		byte[] salt = randomBytes(SALT_BYTES);
		return GENERATED_PREFIX + HEX.formatHex(salt) + HEX.formatHex(sha256(salt, authorizationKey));
	}

	/**
	 * Spends what a PBKDF2 check of {@code authorizationKey} costs, for a refusal that did not pay it (an unknown
	 * charger, a wrong key against a generated key's fast hash): every refused upgrade then takes as long, so timing
	 * tells no one which charger ids exist or which kind of key they have.
	 */
	public void spendRefusedCheck(String authorizationKey) {
		slowCheck(() -> encoder.matches(authorizationKey, refusalHash));
		refusalChecks.increment();
	}

	/** Whether checking a key against this hash already cost a PBKDF2 verification. */
	public static boolean isSlowHash(String hash) {
		return !hash.startsWith(GENERATED_PREFIX);
	}

	/**
	 * Whether the key is the one the hash was made of. For a chosen key that is a PBKDF2 check, counted: at upgrades it
	 * is made only when the charger's {@link KeyVerifiers verifier} did not already admit the key.
	 */
	public boolean matches(String authorizationKey, String hash) {
		if (hash.startsWith(GENERATED_PREFIX)) {
			return matchesGenerated(authorizationKey, hash);
		}
		slowChecks.increment();
		return slowCheck(() -> encoder.matches(authorizationKey, hash));
	}

	private boolean slowCheck(BooleanSupplier check) {
		slowCheckSlots.acquireUninterruptibly();
		try {
			return check.getAsBoolean();
		}
		finally {
			slowCheckSlots.release();
		}
	}

	private static boolean matchesGenerated(String authorizationKey, String hash) {
		String hex = hash.substring(GENERATED_PREFIX.length());
		if (hex.length() != 2 * (SALT_BYTES + 32)) {
			return false;
		}
		byte[] salt = HEX.parseHex(hex, 0, 2 * SALT_BYTES);
		byte[] expected = HEX.parseHex(hex, 2 * SALT_BYTES, hex.length());
		return MessageDigest.isEqual(expected, sha256(salt, authorizationKey));
	}

	private static byte[] sha256(byte[] salt, String authorizationKey) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(salt);
			return digest.digest(authorizationKey.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException unavailable) {
			throw new IllegalStateException("SHA-256 is not available", unavailable);
		}
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}
}
