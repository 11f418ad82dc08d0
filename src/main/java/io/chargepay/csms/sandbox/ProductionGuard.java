package io.chargepay.csms.sandbox;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production refuses to start with what is only safe on a trial system: sandbox features (demo data, token endpoint,
 * sandbox providers), a secret still holding the placeholder of {@code .env.example}, a Stripe test key (unless
 * {@code csms.payments.stripe.allow-test-keys}), and chargers on plain {@code ws://} (unless TLS is configured or
 * {@code csms.ocpp.behind-tls-proxy} says a proxy terminates it: their AuthorizationKeys travel in every upgrade).
 * Messages name the property, never its value.
 */
@Component
@Profile("prod")
class ProductionGuard {

	/** The secrets .env.example gives placeholders for, by the property they end up in. */
	private static final List<String> SECRETS = List.of("spring.datasource.password", "csms.auth.jwt-secret",
			"csms.payments.stripe.api-key", "csms.payments.stripe.webhook-secret", "csms.chargers.key-verifier-secret");

	ProductionGuard(Environment environment) {
		refuseSandboxFeatures(environment);
		SECRETS.forEach(property -> refusePlaceholder(property, environment.getProperty(property)));
		refuseStripeTestKey(environment);
		refusePlainWebSockets(environment);
	}

	private static void refuseSandboxFeatures(Environment environment) {
		if (environment.getProperty("csms.sandbox.enabled", Boolean.class, false)) {
			throw new IllegalStateException("csms.sandbox.enabled must be false in production (profile prod)");
		}
		if (!environment.getProperty("csms.wallets.enforce-checksum", Boolean.class, true)) {
			throw new IllegalStateException("csms.wallets.enforce-checksum must be true in production (profile prod)");
		}
	}

	private static void refusePlaceholder(String property, String value) {
		String lower = value == null ? "" : value.toLowerCase(Locale.ROOT);
		if (lower.contains("change-me") || lower.contains("change_me")) {
			throw new IllegalStateException(property + " still holds the placeholder from .env.example: set a real "
					+ "secret before starting in production (profile prod)");
		}
	}

	private static void refuseStripeTestKey(Environment environment) {
		String key = environment.getProperty("csms.payments.stripe.api-key", "");
		if (key.startsWith("sk_test_")
				&& !environment.getProperty("csms.payments.stripe.allow-test-keys", Boolean.class, false)) {
			throw new IllegalStateException("csms.payments.stripe.api-key is a Stripe test key (sk_test_): drivers "
					+ "would never be charged. Use a live key, or set csms.payments.stripe.allow-test-keys=true for a "
					+ "staging system");
		}
	}

	private static void refusePlainWebSockets(Environment environment) {
		boolean tls = !environment.getProperty("csms.ocpp.tls.key-store", "").isBlank();
		if (!tls && !environment.getProperty("csms.ocpp.behind-tls-proxy", Boolean.class, false)) {
			throw new IllegalStateException("Chargers would connect over plain ws://, sending their AuthorizationKeys "
					+ "in clear: configure csms.ocpp.tls.key-store, or set csms.ocpp.behind-tls-proxy=true when a "
					+ "proxy terminates TLS in front of the OCPP port");
		}
	}
}
