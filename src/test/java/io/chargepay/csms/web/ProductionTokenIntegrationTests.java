package io.chargepay.csms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** In production a token minted by a sandbox (its iss) is refused even when the sandbox shared the signing secret. */
@CsmsIntegrationTest
@ActiveProfiles("prod")
// Production refuses sandbox payments: a Stripe key (never used here) lets the context start.
@TestPropertySource(properties = { "csms.payments.stripe.api-key=sk_test_unused",
		"csms.payments.stripe.webhook-secret=whsec_unused", "csms.payments.stripe.allow-test-keys=true",
		"csms.ocpp.behind-tls-proxy=true" })
class ProductionTokenIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void refusesATokenWithTheSandboxIssuer() {
		String sandboxMinted = Tokens.operatorWith(claims -> claims.issuer(SandboxTokenController.ISSUER)
				.expiresAt(Instant.now().plusSeconds(600)));
		String ownMinted = Tokens.operatorWith(claims -> claims.expiresAt(Instant.now().plusSeconds(600)));

		assertThat(new Api(port).get("/api/v1/chargers", sandboxMinted).status()).isEqualTo(401);
		assertThat(new Api(port).get("/api/v1/chargers", ownMinted).status()).isEqualTo(200);
	}

	@Test
	void refusesATokenWithoutAnExpiry() {
		assertThat(new Api(port).get("/api/v1/chargers", Tokens.operatorWith(claims -> claims)).status())
				.isEqualTo(401);
	}
}
