import io.chargepay.csms.charger.internal.ChargerCredentials;

/**
 * Prints the stored form of an AuthorizationKey, made by the CSMS's own ChargerCredentials (its classes are on the
 * class path, from the jar under test): {@code generated} as for a key the CSMS generated (salted SHA-256),
 * {@code pbkdf2} as for a key an operator chose. With a count, also times that many verifications.
 */
public class HashKey {
	public static void main(String[] args) {
		String form = args[0];
		String key = args[1];
		ChargerCredentials credentials = new ChargerCredentials(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
		String hash = switch (form) {
			case "generated" -> credentials.hashGenerated(key);
			case "pbkdf2" -> credentials.hash(key);
			default -> throw new IllegalArgumentException("form is generated or pbkdf2, not " + form);
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
}
