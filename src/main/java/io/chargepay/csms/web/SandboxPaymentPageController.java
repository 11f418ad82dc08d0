package io.chargepay.csms.web;

import java.net.URI;
import java.util.Map;

import io.chargepay.csms.payment.PaymentLinkClosedException;
import io.chargepay.csms.payment.PaymentLinkService;
import io.chargepay.csms.payment.PaymentLinkView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's checkout page, where a sandbox payment link's url points: the amount, session and charger, and a Pay
 * button that pays as Stripe's page would. Not served when Stripe is the provider (production): 404.
 */
@RestController
@Tag(name = "Sandbox checkout")
class SandboxPaymentPageController {

	private final PaymentLinkService payments;
	private final JsonMapper json;

	SandboxPaymentPageController(PaymentLinkService payments, JsonMapper json) {
		this.payments = payments;
		this.json = json;
	}

	@GetMapping(path = "/pay/{paymentLinkId}", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The checkout page of a sandbox payment link (HTML; no token); 404 unless the sandbox is on")
	String page(@PathVariable String paymentLinkId) {
		return html(payments.sandboxLink(paymentLinkId).orElseThrow(() -> notFound(paymentLinkId)), null);
	}

	/** Post/redirect/get: a reload of the page that follows does not pay again. */
	@PostMapping(path = "/pay/{paymentLinkId}", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "Pay a sandbox payment link: link and session become PAID; 303 to the page, 409 if it"
			+ " can no longer be paid")
	ResponseEntity<String> pay(@PathVariable String paymentLinkId) {
		try {
			payments.paySandboxLink(paymentLinkId).orElseThrow(() -> notFound(paymentLinkId));
			return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/pay/" + paymentLinkId)).build();
		}
		catch (PaymentLinkClosedException e) {
			PaymentLinkView link = payments.sandboxLink(paymentLinkId).orElseThrow(() -> notFound(paymentLinkId));
			return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_HTML).body(html(link, e.getMessage()));
		}
	}

	private String html(PaymentLinkView link, @Nullable String error) {
		Map<String, String> context = link.metadata() == null ? Map.of()
				: json.readValue(link.metadata(), new TypeReference<Map<String, String>>() {
				});
		String amount = link.amount().toPlainString() + " " + link.currency().toUpperCase(java.util.Locale.ROOT);
		String action = switch (link.status()) {
			case ACTIVE -> "<form method=\"post\"><button type=\"submit\">Pay " + esc(amount) + "</button></form>";
			case PAID -> "<p class=\"paid\">Paid. Thank you!</p>";
			default -> "<p class=\"closed\">This link is " + link.status().name().toLowerCase(java.util.Locale.ROOT)
					+ " and can no longer be paid.</p>";
		};
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8"><title>ChargePay sandbox checkout</title>
				<style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto}dt{color:#666}
				.amount{font-size:2rem}button{font-size:1.2rem;padding:.5rem 2rem}.error{color:#b00}</style></head>
				<body><h1>ChargePay sandbox checkout</h1><p>Nothing is charged: this is the sandbox.</p>
				<p class="amount">%s</p>%s
				<dl><dt>Session</dt><dd>%s</dd><dt>Charger</dt><dd>%s</dd><dt>Energy</dt><dd>%s</dd>
				<dt>Status</dt><dd>%s</dd><dt>Expires</dt><dd>%s</dd></dl>%s</body></html>
				""".formatted(esc(amount), error == null ? "" : "<p class=\"error\">" + esc(error) + "</p>",
				esc(link.sessionId()), esc(context.getOrDefault("charger_id", "")),
				esc(context.containsKey("energy_wh") ? context.get("energy_wh") + " Wh" : "unknown"),
				esc(link.status().name()), esc(link.expiresAt().toString()), action);
	}

	private static String esc(String text) {
		return HtmlUtils.htmlEscape(text);
	}

	private static NotFoundException notFound(String paymentLinkId) {
		return new NotFoundException("No payment page " + paymentLinkId);
	}
}
