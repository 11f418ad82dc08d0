package io.chargepay.csms.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.chargepay.csms.CsmsApplication;
import io.chargepay.csms.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What start-up refuses about payments, and that production serves no sandbox checkout. */
class PaymentRunModeTests {

	private static final String JWT_SECRET = "a-production-secret-of-enough-bytes-0123456789";

	@Test
	void refusesALinkTtlOutsideStripesThirtyMinutesToTwentyFourHours() {
		assertThatThrownBy(() -> start("default", Map.of("csms.payments.link-ttl", "29m")).close())
				.hasStackTraceContaining("csms.payments.link-ttl must be between 30m and 24h");
		assertThatThrownBy(() -> start("default", Map.of("csms.payments.link-ttl", "25h")).close())
				.hasStackTraceContaining("csms.payments.link-ttl must be between 30m and 24h");
	}

	@Test
	void productionRefusesToStartWithoutAStripeApiKeyInsteadOfFallingBackToTheSandbox() {
		assertThatThrownBy(() -> start("prod", Map.of("csms.payments.stripe.webhook-secret", "whsec_x")).close())
				.hasStackTraceContaining("csms.payments.stripe.api-key (CSMS_PAYMENTS_STRIPE_API_KEY) is required in"
						+ " production");
	}

	@Test
	void productionRefusesToStartWithoutAStripeWebhookSecret() {
		assertThatThrownBy(() -> start("prod", Map.of("csms.payments.stripe.api-key", "sk_live_x")).close())
				.hasStackTraceContaining("csms.payments.stripe.webhook-secret (CSMS_PAYMENTS_STRIPE_WEBHOOK_SECRET) is"
						+ " required in production");
	}

	@Test
	void productionServesNoSandboxCheckoutPage() {
		try (ConfigurableApplicationContext production = start("prod", Map.of("csms.payments.stripe.api-key",
				"sk_live_not_used_here", "csms.payments.stripe.webhook-secret", "whsec_not_used_here"))) {
			Api api = new Api(((WebServerApplicationContext) production).getWebServer().getPort());

			assertThat(api.get("/pay/" + UUID.randomUUID(), null).status()).isEqualTo(404);
			assertThat(api.send(api.request("/pay/" + UUID.randomUUID(), null)
					.POST(java.net.http.HttpRequest.BodyPublishers.noBody())).status()).isEqualTo(404);
		}
	}

	private static ConfigurableApplicationContext start(String profile, Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>(Map.of("server.port", 0, "server.address", "127.0.0.1",
				"csms.ocpp.port", 0, "csms.ocpp.host", "127.0.0.1",
				"csms.auth.jwt-secret", JWT_SECRET, "csms.ocpp.behind-tls-proxy", true,
				"spring.datasource.url", "jdbc:h2:mem:payment-runmode-" + UUID.randomUUID()
						+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
				"spring.datasource.username", "sa", "spring.datasource.password", ""));
		all.putAll(properties);
		// As command-line arguments: they outrank the profile's own files, as an operator's environment would.
		return new SpringApplicationBuilder(CsmsApplication.class).profiles(profile)
				.run(all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
						.toArray(String[]::new));
	}
}
