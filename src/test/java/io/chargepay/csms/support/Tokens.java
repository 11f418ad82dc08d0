package io.chargepay.csms.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** Bearer tokens as an identity provider would issue them, good and bad. */
public final class Tokens {

	public static final String SECRET = "integration-test-secret-0123456789-abcdefghij";
	private static final String OTHER_SECRET = "some-other-secret-nobody-trusts-0123456789-xyz";

	private Tokens() {
	}

	public static String driver(String userId) {
		return sign(SECRET, userId, List.of(), Duration.ofHours(1));
	}

	public static String operator() {
		return sign(SECRET, "operator-" + System.nanoTime(), List.of("operator"), Duration.ofHours(1));
	}

	public static String expired(String userId) {
		return sign(SECRET, userId, List.of("operator"), Duration.ofHours(-1));
	}

	public static String wrongSignature(String userId) {
		return sign(OTHER_SECRET, userId, List.of("operator"), Duration.ofHours(1));
	}

	/** An operator token signed with the trusted secret, carrying only the claims {@code claims} adds to sub and roles. */
	public static String operatorWith(java.util.function.UnaryOperator<JwtClaimsSet.Builder> claims) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
				new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		JwtClaimsSet.Builder builder = JwtClaimsSet.builder().subject("operator-" + System.nanoTime())
				.issuedAt(Instant.now()).claim("roles", List.of("operator"));
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
				claims.apply(builder).build())).getTokenValue();
	}

	private static String sign(String secret, String subject, List<String> roles, Duration validFor) {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
				new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		Instant now = Instant.now();
		Instant expires = now.plus(validFor);
		JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(validFor.isNegative() ? expires.minusSeconds(60) : now)
				.expiresAt(expires).claim("roles", roles).build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
	}
}
