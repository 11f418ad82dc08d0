package io.chargepay.csms.payment;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Payment links. {@code provider} is stripe when an api key is set, else sandbox (links served by this application).
 * {@code linkTtl} must lie within Stripe's Checkout Session limits (30 minutes to 24 hours) whatever the provider, so
 * the sandbox behaves as production will. Provider failures are retried after {@code retry.initialBackoff}, doubling
 * up to {@code retry.maxBackoff}, checked every {@code retry.interval}.
 */
@Validated
@ConfigurationProperties("csms.payments")
public record PaymentProperties(
		@Nullable Provider provider,
		@DefaultValue("24h") Duration linkTtl,
		@DefaultValue("usd") @Pattern(regexp = "[a-zA-Z]{3}", message = "must be an ISO 4217 code such as usd") String currency,
		@DefaultValue("1m") Duration expiryCheckInterval,
		@DefaultValue @Valid Retry retry,
		@DefaultValue @Valid Stripe stripe,
		@DefaultValue Sandbox sandbox) {

	/** Stripe's bounds for a Checkout Session's expires_at. */
	public static final Duration MIN_LINK_TTL = Duration.ofMinutes(30);
	public static final Duration MAX_LINK_TTL = Duration.ofHours(24);

	public enum Provider {
		STRIPE, SANDBOX
	}

	public PaymentProperties {
		if (linkTtl.compareTo(MIN_LINK_TTL) < 0 || linkTtl.compareTo(MAX_LINK_TTL) > 0) {
			throw new IllegalArgumentException("csms.payments.link-ttl must be between 30m and 24h (Stripe's limits"
					+ " for a Checkout Session), was " + linkTtl);
		}
	}

	public Provider effectiveProvider() {
		if (provider != null) {
			return provider;
		}
		return stripe.apiKey() == null || stripe.apiKey().isBlank() ? Provider.SANDBOX : Provider.STRIPE;
	}

	public record Retry(@DefaultValue("1s") Duration interval, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("5m") Duration maxBackoff) {

		/** 1s, 2s, 4s ... capped: the wait before provider call number {@code failures + 1}. */
		public Duration backoff(int failures) {
			Duration wait = initialBackoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
			return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
		}
	}

	/**
	 * {@code apiBase} points tests at a local fake; {@code timeout} bounds each call (connect and read).
	 * {@code successUrl}/{@code cancelUrl} are where Checkout sends the driver back.
	 */
	public record Stripe(@Nullable String apiKey, @DefaultValue("https://api.stripe.com") @NotBlank String apiBase,
			@Nullable String webhookSecret, @DefaultValue("20s") Duration timeout,
			@DefaultValue("https://chargepay.io/payments/success?checkout_session_id={CHECKOUT_SESSION_ID}") String successUrl,
			@DefaultValue("https://chargepay.io/payments/cancelled") String cancelUrl) {

		/** Secrets never reach a log, not even through a toString of the configuration. */
		@Override
		public String toString() {
			return "Stripe[apiKey=" + mask(apiKey) + ", apiBase=" + apiBase + ", webhookSecret=" + mask(webhookSecret)
					+ ", timeout=" + timeout + ", successUrl=" + successUrl + ", cancelUrl=" + cancelUrl + "]";
		}

		private static String mask(@Nullable String secret) {
			return secret == null || secret.isBlank() ? "(unset)" : "(set)";
		}
	}

	/** {@code baseUrl} of the sandbox pages; unset: http://localhost and the port this application listens on. */
	public record Sandbox(@Nullable String baseUrl) {
	}
}
