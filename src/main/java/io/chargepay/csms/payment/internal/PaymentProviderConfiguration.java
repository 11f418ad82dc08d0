package io.chargepay.csms.payment.internal;

import java.time.Clock;

import io.chargepay.csms.payment.PaymentProperties;
import io.chargepay.csms.payment.internal.sandbox.SandboxPaymentProvider;
import io.chargepay.csms.payment.internal.stripe.StripeCheckoutProvider;
import io.chargepay.csms.payment.internal.stripe.StripeWebhookVerifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chooses the provider: {@code csms.payments.provider}, else stripe when an api key is set, else the sandbox.
 * Production (profile prod) never falls back to the sandbox: it refuses to start without Stripe's key and webhook
 * secret, naming the property.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PaymentProviderConfiguration.class);

	@Bean
	PaymentLinkProvider paymentLinkProvider(PaymentProperties properties, Environment environment) {
		PaymentProperties.Stripe stripe = properties.stripe();
		boolean production = environment.acceptsProfiles(Profiles.of("prod"));
		if (production && blank(stripe.apiKey())) {
			throw new IllegalStateException("csms.payments.stripe.api-key (CSMS_PAYMENTS_STRIPE_API_KEY) is required in"
					+ " production (profile prod): the sandbox payment provider is not allowed there");
		}
		if (production && properties.effectiveProvider() != PaymentProperties.Provider.STRIPE) {
			throw new IllegalStateException("csms.payments.provider must be stripe in production (profile prod)");
		}
		if (production && blank(stripe.webhookSecret())) {
			throw new IllegalStateException("csms.payments.stripe.webhook-secret (CSMS_PAYMENTS_STRIPE_WEBHOOK_SECRET)"
					+ " is required in production (profile prod): payments are settled from Stripe's webhooks");
		}
		if (properties.effectiveProvider() == PaymentProperties.Provider.STRIPE) {
			if (blank(stripe.apiKey())) {
				throw new IllegalStateException("csms.payments.stripe.api-key is required for csms.payments.provider=stripe");
			}
			log.info("Payment links are Stripe Checkout Sessions ({}), valid for {}", stripe.apiBase(),
					properties.linkTtl());
			return new StripeCheckoutProvider(stripe);
		}
		log.warn("*** SANDBOX PAYMENTS: payment links are pages of this application (/pay/<paymentLinkId>); nothing is charged ***");
		String configured = properties.sandbox().baseUrl();
		return new SandboxPaymentProvider(() -> configured != null ? configured
				: "http://localhost:" + environment.getProperty("local.server.port", "3000"));
	}

	@Bean
	StripeWebhookVerifier stripeWebhookVerifier(PaymentProperties properties, JsonMapper json, Clock clock) {
		return new StripeWebhookVerifier(properties.stripe().webhookSecret(), json, clock);
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}
}
