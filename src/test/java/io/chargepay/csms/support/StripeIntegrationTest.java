package io.chargepay.csms.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link CsmsIntegrationTest} with Stripe as the payment provider, reached at the {@link StripeFake}, and payment
 * jobs that run often and back off briefly so that retries and expiry show within a test. Every class with this
 * annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.address=127.0.0.1", "csms.ocpp.host=127.0.0.1", "csms.ocpp.call-timeout=2s", "csms.ocpp.heartbeat-interval=120s",
				"csms.auth.jwt-secret=" + Tokens.SECRET, "csms.wallets.enforce-checksum=true",
				"csms.payments.stripe.api-key=" + StripeFake.API_KEY,
				"csms.payments.stripe.webhook-secret=" + StripeFake.WEBHOOK_SECRET,
				"csms.payments.stripe.timeout=5s",
				"csms.payments.retry.interval=100ms", "csms.payments.retry.initial-backoff=200ms",
				"csms.payments.retry.max-backoff=1s", "csms.payments.expiry-check-interval=200ms" })
@ContextConfiguration(initializers = { TestDatabase.class, StripeFake.Initializer.class })
public @interface StripeIntegrationTest {
}
