import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/** Prints one PBKDF2 hash of the key given, exactly as the CSMS's ChargerCredentials makes them. */
public class HashKey {
	public static void main(String[] args) {
		Pbkdf2PasswordEncoder encoder = new Pbkdf2PasswordEncoder("", 16, 20_000,
				Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
		String hash = encoder.encode(args[0]);
		if (!encoder.matches(args[0], hash)) {
			throw new IllegalStateException("hash does not verify");
		}
		if (args.length > 1) {
			long start = System.nanoTime();
			int n = Integer.parseInt(args[1]);
			for (int i = 0; i < n; i++) {
				encoder.matches(args[0], hash);
			}
			System.err.printf("one verification: %.2f ms%n", (System.nanoTime() - start) / 1e6 / n);
		}
		System.out.println(hash);
	}
}
