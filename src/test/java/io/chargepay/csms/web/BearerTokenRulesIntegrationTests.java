package io.chargepay.csms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.context.TestPropertySource;

/** With csms.auth.issuer and csms.auth.audience set, a correctly signed token must also carry them and an expiry. */
@CsmsIntegrationTest
@TestPropertySource(properties = { "csms.auth.issuer=https://id.chargepay.example",
		"csms.auth.audience=chargepay-csms" })
class BearerTokenRulesIntegrationTests {

	private static final String ISSUER = "https://id.chargepay.example";
	private static final String AUDIENCE = "chargepay-csms";

	@LocalServerPort
	int port;

	@Test
	void acceptsATokenWithTheConfiguredIssuerAudienceAndAnExpiry() {
		assertThat(status(claims -> valid(claims))).isEqualTo(200);
	}

	@Test
	void refusesATokenWithoutAnExpiry() {
		assertThat(status(claims -> claims.issuer(ISSUER).audience(List.of(AUDIENCE)))).isEqualTo(401);
	}

	@Test
	void refusesATokenOfAnotherIssuerOrWithoutOne() {
		assertThat(status(claims -> valid(claims).issuer("https://evil.example"))).isEqualTo(401);
		assertThat(status(claims -> claims.audience(List.of(AUDIENCE)).expiresAt(Instant.now().plusSeconds(600))))
				.isEqualTo(401);
	}

	@Test
	void refusesATokenForAnotherAudienceOrWithoutOne() {
		assertThat(status(claims -> valid(claims).audience(List.of("some-other-api")))).isEqualTo(401);
		assertThat(status(claims -> claims.issuer(ISSUER).expiresAt(Instant.now().plusSeconds(600)))).isEqualTo(401);
	}

	private static JwtClaimsSet.Builder valid(JwtClaimsSet.Builder claims) {
		return claims.issuer(ISSUER).audience(List.of(AUDIENCE)).expiresAt(Instant.now().plusSeconds(600));
	}

	private int status(UnaryOperator<JwtClaimsSet.Builder> claims) {
		return new Api(port).get("/api/v1/chargers", Tokens.operatorWith(claims)).status();
	}
}
