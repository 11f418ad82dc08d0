package io.chargepay.csms.web;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

/**
 * HS256 bearer tokens signed with {@code csms.auth.jwt-secret}. Without a secret, the sandbox draws a random one per
 * start; production refuses to start. Not used when an identity provider is configured (issuer-uri or jwk-set-uri):
 * then Spring Boot's resource server verifies tokens against that provider's keys.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}' == '' "
		+ "and '${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}' == ''")
class JwtConfiguration {

	static final int MIN_SECRET_BYTES = 32;

	private static final Logger log = LoggerFactory.getLogger(JwtConfiguration.class);

	@Bean
	SecretKey jwtSigningKey(AuthProperties properties, Environment environment) {
		String secret = properties.jwtSecret();
		if (secret == null || secret.isBlank()) {
			if (environment.acceptsProfiles(Profiles.of("prod"))) {
				throw new IllegalStateException("csms.auth.jwt-secret (CSMS_AUTH_JWT_SECRET) is required in production, "
						+ "or configure spring.security.oauth2.resourceserver.jwt.issuer-uri / jwk-set-uri");
			}
			log.warn("No csms.auth.jwt-secret: using a random signing key; tokens stop working at restart");
			byte[] random = new byte[MIN_SECRET_BYTES];
			new SecureRandom().nextBytes(random);
			return new SecretKeySpec(random, "HmacSHA256");
		}
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new IllegalStateException("csms.auth.jwt-secret must be at least " + MIN_SECRET_BYTES
					+ " bytes for HS256 (it has " + bytes.length + ")");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey jwtSigningKey, AuthProperties properties, Environment environment) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey).macAlgorithm(MacAlgorithm.HS256).build();
		decoder.setJwtValidator(TokenRules.of(properties, environment.acceptsProfiles(Profiles.of("prod"))));
		return decoder;
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(jwtSigningKey));
	}
}
