package io.chargepay.csms.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What a bearer token must say besides its signature: an expiry (a token without {@code exp} would be good forever),
 * the configured issuer and audience, and in production never the sandbox's issuer, so a token minted by a sandbox
 * that shares the secret cannot act on a production system.
 */
final class TokenRules {

	private TokenRules() {
	}

	static OAuth2TokenValidator<Jwt> of(AuthProperties properties, boolean production) {
		List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>();
		rules.add(new JwtTimestampValidator());
		rules.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
		if (properties.issuer() != null && !properties.issuer().isBlank()) {
			rules.add(new JwtIssuerValidator(properties.issuer()));
		}
		if (properties.audience() != null && !properties.audience().isBlank()) {
			String audience = properties.audience();
			rules.add(new JwtClaimValidator<Object>(JwtClaimNames.AUD,
					aud -> aud instanceof Collection<?> all ? all.contains(audience) : audience.equals(aud)));
		}
		if (production) {
			rules.add(new JwtClaimValidator<Object>(JwtClaimNames.ISS,
					iss -> iss == null || !SandboxTokenController.ISSUER.equals(iss.toString())));
		}
		return new DelegatingOAuth2TokenValidator<>(rules);
	}
}
