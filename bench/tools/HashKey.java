import io.chargepay.csms.charger.internal.ChargerCredentials;
import io.chargepay.csms.charger.internal.KeyVerifiers;

/**
 * Stored forms of an AuthorizationKey, made by the CSMS's own classes (on the class path, from the jar under test).
 * {@code generated KEY [N]} or {@code pbkdf2 KEY [N]}: the hash, as for a key the CSMS generated (salted SHA-256) or
 * one an operator chose; with N, also times that many verifications. {@code verifiers SECRET HASH KEY PREFIX COUNT}:
 * for the chargers PREFIX00001 ... (the benchmark's ids), one line "id,verifier" each, as registering them with that
 * key through the CSMS would store under csms.chargers.key-verifier-secret=SECRET.
 */
public class HashKey {
	public static void main(String[] args) {
		if (args[0].equals("verifiers")) {
			printVerifiers(new KeyVerifiers(args[1]), args[2], args[3], args[4], Integer.parseInt(args[5]));
			return;
		}
		String form = args[0];
		String key = args[1];
		ChargerCredentials credentials = new ChargerCredentials(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
		String hash = switch (form) {
			case "generated" -> credentials.hashGenerated(key);
			case "pbkdf2" -> credentials.hash(key);
			default -> throw new IllegalArgumentException("form is generated, pbkdf2 or verifiers, not " + form);
		};
		if (!credentials.matches(key, hash)) {
			throw new IllegalStateException("hash does not verify");
		}
		if (args.length > 2) {
			int n = Integer.parseInt(args[2]);
			long start = System.nanoTime();
			for (int i = 0; i < n; i++) {
				credentials.matches(key, hash);
			}
			System.err.printf("one verification (%s): %.4f ms%n", form, (System.nanoTime() - start) / 1e6 / n);
		}
		System.out.println(hash);
	}

	/** The ids as bench/run.sh seeds them: the number padded to 5 digits, 6 above 99,999. */
	private static void printVerifiers(KeyVerifiers verifiers, String hash, String key, String prefix, int count) {
		StringBuilder out = new StringBuilder();
		for (int n = 1; n <= count; n++) {
			String id = prefix + String.format(n > 99_999 ? "%06d" : "%05d", n);
			out.append(id).append(',').append(verifiers.verifierOf(id, hash, key)).append('\n');
		}
		System.out.print(out);
	}
}
