package io.chargepay.csms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import io.chargepay.csms.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What start-up refuses, and what production mode leaves out. */
class RunModeTests {

	private static final String SECRET = "a-production-secret-of-enough-bytes-0123456789";

	@Test
	void refusesToStartWithAJwtSecretShorterThan32Bytes() {
		assertThatThrownBy(() -> start("default", Map.of("csms.auth.jwt-secret", "too-short")).close())
				.hasStackTraceContaining("csms.auth.jwt-secret must be at least 32 bytes");
	}

	@Test
	void refusesToStartInProductionWithoutAJwtSecretOrIdentityProvider() {
		assertThatThrownBy(() -> start("prod", Map.of()).close())
				.hasStackTraceContaining("csms.auth.jwt-secret (CSMS_AUTH_JWT_SECRET) is required in production");
	}

	@Test
	void refusesToStartInProductionWithSandboxFeaturesOn() {
		assertThatThrownBy(() -> start("prod", Map.of("csms.auth.jwt-secret", SECRET, "csms.sandbox.enabled", "true")).close())
				.hasStackTraceContaining("csms.sandbox.enabled must be false in production");
	}

	@Test
	void refusesToStartInProductionWithAnyPlaceholderSecretOfTheEnvExampleAndNeverPrintsIt() throws Exception {
		Map<String, String> example = java.nio.file.Files.readAllLines(java.nio.file.Path.of(".env.example")).stream()
				.filter(line -> line.matches("[A-Z0-9_]+=.+"))
				.collect(java.util.stream.Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
						line -> line.substring(line.indexOf('=') + 1)));
		Map<String, String> propertyOf = Map.of("MYSQL_PASSWORD", "spring.datasource.password",
				"CSMS_AUTH_JWT_SECRET", "csms.auth.jwt-secret",
				"CSMS_PAYMENTS_STRIPE_API_KEY", "csms.payments.stripe.api-key",
				"CSMS_PAYMENTS_STRIPE_WEBHOOK_SECRET", "csms.payments.stripe.webhook-secret");

		propertyOf.forEach((variable, property) -> {
			String placeholder = example.get(variable);
			assertThat(placeholder).as(variable + " in .env.example").isNotBlank();
			Map<String, Object> properties = new java.util.HashMap<>(Map.of("csms.auth.jwt-secret", SECRET));
			properties.put(property, placeholder);
			assertThatThrownBy(() -> start("prod", properties).close())
					.hasStackTraceContaining(property + " still holds the placeholder from .env.example")
					.satisfies(refusal -> assertThat(stackTrace(refusal)).doesNotContain(placeholder));
		});
	}

	@Test
	void refusesToStartInProductionWithAStripeTestKeyUnlessTestKeysAreAllowed() {
		assertThatThrownBy(() -> start("prod", Map.of("csms.auth.jwt-secret", SECRET,
				"csms.payments.stripe.allow-test-keys", "false")).close())
				.hasStackTraceContaining("csms.payments.stripe.api-key is a Stripe test key");
	}

	@Test
	void refusesToStartInProductionWithChargersOnPlainWebSocketsUnlessATlsProxyIsDeclared() {
		assertThatThrownBy(() -> start("prod", Map.of("csms.auth.jwt-secret", SECRET,
				"csms.ocpp.behind-tls-proxy", "false")).close())
				.hasStackTraceContaining("Chargers would connect over plain ws://");
	}

	private static String stackTrace(Throwable failure) {
		java.io.StringWriter text = new java.io.StringWriter();
		failure.printStackTrace(new java.io.PrintWriter(text));
		return text.toString();
	}

	@Test
	void productionHasNoSandboxTokenEndpointAndNoDemoData() {
		try (ConfigurableApplicationContext production = start("prod", Map.of("csms.auth.jwt-secret", SECRET))) {
			int port = ((WebServerApplicationContext) production).getWebServer().getPort();
			Api api = new Api(port);

			assertThat(api.post("/api/v1/sandbox/token", null, Map.of("userId", "x")).status()).isEqualTo(404);
			assertThat(production.getBean(io.chargepay.csms.charger.ChargerService.class).exists("CHARGER-001")).isFalse();
		}
	}

	@Test
	void servesMetricsWithoutATokenOnlyOnTheManagementPort() {
		int managementPort = freePort();
		try (ConfigurableApplicationContext context = start("default", Map.of("management.server.port", managementPort, "management.server.address", "127.0.0.1"))) {
			int apiPort = ((WebServerApplicationContext) context).getWebServer().getPort();

			assertThat(new Api(managementPort).get("/actuator/prometheus", null).status()).isEqualTo(200);
			assertThat(new Api(apiPort).get("/actuator/prometheus", null).status()).isEqualTo(401);
		}
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static ConfigurableApplicationContext start(String profile, Map<String, Object> properties) {
		Map<String, Object> all = new java.util.HashMap<>(Map.of(
				"server.port", 0, "csms.ocpp.port", 0, "server.address", "127.0.0.1", "csms.ocpp.host", "127.0.0.1",
				"spring.datasource.url", "jdbc:h2:mem:runmode-" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
				"spring.datasource.username", "sa", "spring.datasource.password", ""));
		if ("prod".equals(profile)) {
			// Production refuses to start without Stripe (payment.PaymentRunModeTests); these tests are about the rest.
			all.put("csms.payments.stripe.api-key", "sk_test_run_mode");
			all.put("csms.payments.stripe.webhook-secret", "whsec_run_mode");
			all.put("csms.payments.stripe.allow-test-keys", "true");
			all.put("csms.ocpp.behind-tls-proxy", "true");
		}
		all.putAll(properties);
		// As command-line arguments: they outrank the profile's own files, as an operator's environment would.
		return new SpringApplicationBuilder(CsmsApplication.class).profiles(profile)
				.run(all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
						.toArray(String[]::new));
	}
}
