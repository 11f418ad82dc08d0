package io.chargepay.csms.payment.internal.stripe;

import java.time.Clock;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import io.chargepay.csms.payment.InvalidWebhookSignatureException;
import io.chargepay.csms.payment.internal.CheckoutEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies a webhook's Stripe-Signature (HMAC-SHA256 of {@code timestamp.payload} with the endpoint secret, at most
 * 300 s old, as Stripe signs) and reads the checkout it is about. The payload is read as plain JSON rather than
 * through stripe-java's models, which only deserialize events of the API version the library pins.
 */
public class StripeWebhookVerifier {

	/** Stripe's default tolerance for the signature's timestamp, against replayed deliveries. */
	static final long TOLERANCE_SECONDS = Webhook.DEFAULT_TOLERANCE;

	private final @Nullable String secret;
	private final JsonMapper json;
	private final Clock clock;

	public StripeWebhookVerifier(@Nullable String secret, JsonMapper json, Clock clock) {
		this.secret = secret;
		this.json = json;
		this.clock = clock;
	}

	public CheckoutEvent verify(String payload, @Nullable String signatureHeader) {
		if (secret == null || secret.isBlank()) {
			throw new InvalidWebhookSignatureException("Stripe webhooks are not accepted: no webhook secret is configured");
		}
		if (signatureHeader == null || signatureHeader.isBlank()) {
			throw new InvalidWebhookSignatureException("The Stripe-Signature header is missing");
		}
		try {
			Webhook.Signature.verifyHeader(payload, signatureHeader, secret, TOLERANCE_SECONDS, clock);
		}
		catch (SignatureVerificationException e) {
			throw new InvalidWebhookSignatureException("The Stripe-Signature does not verify: " + e.getMessage());
		}
		return read(payload);
	}

	private CheckoutEvent read(String payload) {
		try {
			JsonNode event = json.readTree(payload);
			JsonNode checkout = event.path("data").path("object");
			String eventId = text(event.path("id"));
			String type = text(event.path("type"));
			if (eventId == null || eventId.isBlank() || type == null) {
				throw new InvalidWebhookSignatureException("The signed payload is not a Stripe event");
			}
			return new CheckoutEvent(eventId, type,
					text(checkout.path("id")), text(checkout.path("payment_status")),
					checkout.path("amount_total").canConvertToExactIntegral() && checkout.path("amount_total").canConvertToLong()
							? checkout.path("amount_total").asLong() : null,
					text(checkout.path("currency")), text(checkout.path("client_reference_id")), text(checkout.path("metadata").path("payment_link_id")));
		}
		catch (JacksonException e) {
			throw new InvalidWebhookSignatureException("The signed payload is not a Stripe event");
		}
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() ? node.asString() : null;
	}
}
