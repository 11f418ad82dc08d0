package io.chargepay.csms.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bearer tokens: HS256 with {@code jwtSecret} (at least 32 bytes), unless an identity provider's issuer or JWK set is
 * configured under spring.security.oauth2.resourceserver.jwt. {@code sandboxTokenTtl} bounds tokens the sandbox issues. When set, {@code issuer} must equal a token's {@code iss} and
 * {@code audience} be among its {@code aud}.
 */
@Validated
@ConfigurationProperties("csms.auth")
public record AuthProperties(@Nullable String jwtSecret, @DefaultValue("12h") Duration sandboxTokenTtl,
		@Nullable String issuer, @Nullable String audience) {
}
