package io.chargepay.csms.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sandbox only: signed tokens for trying the API, and a ready operator token at start-up. */
@RestController
@ConditionalOnBooleanProperty("csms.sandbox.enabled")
@Tag(name = "Sandbox")
class SandboxTokenController {

	/** The {@code iss} of every token the sandbox mints; production refuses it (TokenRules). */
	static final String ISSUER = "chargepay-sandbox";

	record TokenRequest(@NotNull @Pattern(regexp = UserController.USER_ID) String userId,
			@Nullable @Size(max = 10) List<@Pattern(regexp = "[a-z_]{1,32}") String> roles) {
	}

	record TokenResponse(String accessToken, String tokenType, Instant expiresAt, String userId, List<String> roles) {
	}

	private static final Logger log = LoggerFactory.getLogger(SandboxTokenController.class);

	private final ObjectProvider<JwtEncoder> encoder;
	private final AuthProperties properties;
	private final Clock clock;

	SandboxTokenController(ObjectProvider<JwtEncoder> encoder, AuthProperties properties, Clock clock) {
		this.encoder = encoder;
		this.properties = properties;
		this.clock = clock;
	}

	@PostMapping("/api/v1/sandbox/token")
	@Operation(summary = "Sandbox only: a signed bearer token for any user and roles (e.g. [\"operator\"])")
	TokenResponse token(@Valid @RequestBody TokenRequest request) {
		return issue(request.userId(), Objects.requireNonNullElse(request.roles(), List.of()));
	}

	@EventListener(ApplicationReadyEvent.class)
	void printOperatorToken() {
		if (encoder.getIfAvailable() != null) {
			TokenResponse operator = issue("sandbox-operator", List.of(Caller.OPERATOR_ROLE));
			log.warn("Sandbox operator token (valid until {}): {}", operator.expiresAt(), operator.accessToken());
		}
	}

	private TokenResponse issue(String userId, List<String> roles) {
		JwtEncoder jwt = encoder.getIfAvailable();
		if (jwt == null) {
			throw new NotFoundException("Sandbox tokens need csms.auth.jwt-secret; an identity provider is configured");
		}
		Instant now = clock.instant();
		Instant expiresAt = now.plus(properties.sandboxTokenTtl());
		JwtClaimsSet claims = JwtClaimsSet.builder().subject(userId).issuer(ISSUER).issuedAt(now)
				.expiresAt(expiresAt).claim("roles", roles).build();
		String token = jwt.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
				.getTokenValue();
		return new TokenResponse(token, "Bearer", expiresAt, userId, roles);
	}
}
