package io.chargepay.csms.payment.internal.stripe;

import java.time.Instant;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import com.stripe.param.checkout.SessionCreateParams.LineItem.PriceData;
import io.chargepay.csms.payment.PaymentProperties;
import io.chargepay.csms.payment.internal.CreatedLink;
import io.chargepay.csms.payment.internal.LinkRequest;
import io.chargepay.csms.payment.internal.PaymentLinkProvider;
import io.chargepay.csms.payment.internal.ProviderRejectedException;
import io.chargepay.csms.payment.internal.ProviderUnavailableException;

/**
 * Payment links as Stripe Checkout Sessions (mode=payment, one line item priced in minor units). Our own retries
 * replace stripe-java's, so every call is made exactly once and its outcome recorded.
 */
public class StripeCheckoutProvider implements PaymentLinkProvider {

	private final StripeClient stripe;
	private final PaymentProperties.Stripe settings;

	public StripeCheckoutProvider(PaymentProperties.Stripe settings) {
		this.settings = settings;
		int timeoutMillis = Math.toIntExact(settings.timeout().toMillis());
		this.stripe = StripeClient.builder()
				.setApiKey(settings.apiKey())
				.setApiBase(settings.apiBase().replaceAll("/+$", ""))
				.setConnectTimeout(timeoutMillis)
				.setReadTimeout(timeoutMillis)
				.setMaxNetworkRetries(0)
				.build();
	}

	@Override
	public String name() {
		return "stripe";
	}

	@Override
	public CreatedLink create(LinkRequest request) {
		SessionCreateParams params = SessionCreateParams.builder()
				.setMode(SessionCreateParams.Mode.PAYMENT)
				.setClientReferenceId(request.sessionId())
				.setExpiresAt(request.expiresAt().getEpochSecond())
				.setSuccessUrl(settings.successUrl())
				.setCancelUrl(settings.cancelUrl())
				.putAllMetadata(request.metadata())
				.addLineItem(LineItem.builder()
						.setQuantity(1L)
						.setPriceData(PriceData.builder()
								.setCurrency(request.currency())
								.setUnitAmount(request.amountMinor())
								.setProductData(PriceData.ProductData.builder().setName(request.productName()).build())
								.build())
						.build())
				.build();
		RequestOptions options = RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
		try {
			Session session = stripe.v1().checkout().sessions().create(params, options);
			Instant expiresAt = session.getExpiresAt() == null ? request.expiresAt()
					: Instant.ofEpochSecond(session.getExpiresAt());
			return new CreatedLink(session.getId(), session.getUrl(), expiresAt);
		}
		catch (StripeException e) {
			throw translate(e);
		}
	}

	/**
	 * Stripe refuses to expire a session that is not open any more; then the session says whether it expired or
	 * was completed, and a completed one whether it is paid.
	 */
	@Override
	public ExpiryOutcome expire(String externalId) {
		try {
			stripe.v1().checkout().sessions().expire(externalId);
			return ExpiryOutcome.EXPIRED;
		}
		catch (StripeException e) {
			RuntimeException translated = translate(e);
			if (translated instanceof ProviderUnavailableException unavailable) {
				throw unavailable;
			}
		}
		try {
			Session session = stripe.v1().checkout().sessions().retrieve(externalId);
			if (!"complete".equals(session.getStatus())) {
				return ExpiryOutcome.EXPIRED;
			}
			return "unpaid".equals(session.getPaymentStatus()) ? ExpiryOutcome.PAYMENT_PENDING : ExpiryOutcome.PAID;
		}
		catch (StripeException e) {
			RuntimeException translated = translate(e);
			if (translated instanceof ProviderUnavailableException unavailable) {
				throw unavailable;
			}
			// Stripe does not know the session (404): nothing there can be paid.
			return ExpiryOutcome.EXPIRED;
		}
	}

	/**
	 * No answer (connection refused, timeout): retry with the same key. A 5xx: retry with a new key, since Stripe
	 * replays a stored 5xx for its key. 429 and 409 (a concurrent request with the key) come before Stripe's
	 * idempotency layer: retry with the same key. Any other 4xx: refused, with Stripe's own message.
	 */
	private static RuntimeException translate(StripeException e) {
		Integer status = e.getStatusCode();
		String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
				? e.getStripeError().getMessage() : e.getMessage();
		if (e instanceof ApiConnectionException || status == null) {
			return new ProviderUnavailableException("Stripe did not answer: " + message, false, e);
		}
		if (status >= 500) {
			return new ProviderUnavailableException("Stripe answered " + status + ": " + message, true, e);
		}
		if (status == 429 || status == 409) {
			return new ProviderUnavailableException("Stripe answered " + status + ": " + message, false, e);
		}
		return new ProviderRejectedException(message, e);
	}
}
