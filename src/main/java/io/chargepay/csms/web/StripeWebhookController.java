package io.chargepay.csms.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.chargepay.csms.payment.InvalidWebhookSignatureException;
import io.chargepay.csms.payment.PaymentLinkService;
import io.chargepay.csms.payment.WebhookOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook endpoint: no bearer token, the Stripe-Signature authenticates the delivery. A verified event is
 * acknowledged with 200 whether it changed anything or not, so Stripe stops redelivering it.
 */
@RestController
@Tag(name = "Stripe webhook")
class StripeWebhookController {

	private final PaymentLinkService payments;

	StripeWebhookController(PaymentLinkService payments) {
		this.payments = payments;
	}

	// The body is taken as bytes: the signature covers the payload exactly as sent.
	@PostMapping("/api/v1/webhooks/stripe")
	@Operation(summary = "Stripe events about Checkout Sessions (paid, expired); 400 without a valid Stripe-Signature")
	Map<String, Object> receive(@RequestBody byte[] payload,
			@RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
		WebhookOutcome outcome = payments.acceptStripeWebhook(new String(payload, StandardCharsets.UTF_8), signature);
		return Map.of("received", true, "outcome", outcome);
	}

	@ExceptionHandler(InvalidWebhookSignatureException.class)
	ProblemDetail invalidSignature(InvalidWebhookSignatureException e) {
		return ProblemType.VALIDATION.problem(e.getMessage());
	}
}
