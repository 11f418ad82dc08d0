package io.chargepay.csms.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.net.Webhook;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A local Stripe for tests, on 127.0.0.1 and a free port, speaking Stripe's wire format: form-encoded requests,
 * Checkout Session JSON back, errors as {@code {"error": {...}}}. It keeps the sessions it created (open, expired,
 * complete) and, like Stripe, replays the stored answer for a repeated Idempotency-Key. One instance serves the whole
 * test run; tests tell their requests apart by the charger in the metadata.
 */
public final class StripeFake {

	public static final String API_KEY = "sk_test_chargepay_fake_key";
	public static final String WEBHOOK_SECRET = "whsec_chargepay_test_secret_0123456789";
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final StripeFake INSTANCE = new StripeFake();

	private final WireMockServer server;
	private final Map<String, ObjectNode> sessions = new ConcurrentHashMap<>();
	private final Map<String, String> answersByIdempotencyKey = new ConcurrentHashMap<>();

	private StripeFake() {
		server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Checkout()));
		server.start();
		server.stubFor(post(urlEqualTo("/v1/checkout/sessions")).atPriority(10).willReturn(aResponse().withTransformers("checkout")));
		server.stubFor(post(urlPathMatching("/v1/checkout/sessions/[^/]+/expire")).atPriority(10)
				.willReturn(aResponse().withTransformers("checkout")));
		server.stubFor(get(urlPathMatching("/v1/checkout/sessions/[^/]+")).atPriority(10)
				.willReturn(aResponse().withTransformers("checkout")));
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
	}

	public static StripeFake instance() {
		return INSTANCE;
	}

	/** Points {@code csms.payments.stripe.api-base} at the fake. */
	public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stripe-fake",
					Map.of("csms.payments.stripe.api-base", INSTANCE.baseUrl())));
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.port();
	}

	public WireMockServer server() {
		return server;
	}

	/** Create requests whose metadata names the charger, in the order they arrived. */
	public List<LoggedRequest> createRequests(String chargerId) {
		return server.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
				.withFormParam("metadata[charger_id]", equalTo(chargerId)));
	}

	public List<LoggedRequest> expireRequests(String checkoutSessionId) {
		return server.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions/" + checkoutSessionId + "/expire")));
	}

	/** Ids of the Checkout Sessions created for the charger. */
	public List<String> sessionsOf(String chargerId) {
		return sessions.values().stream()
				.filter(session -> chargerId.equals(session.path("metadata").path("charger_id").asString(null)))
				.map(session -> session.get("id").asString()).toList();
	}

	public ObjectNode session(String checkoutSessionId) {
		return sessions.get(checkoutSessionId);
	}

	/** The driver paid on Stripe's page: the session is complete and, for card payments, paid. */
	public ObjectNode complete(String checkoutSessionId, String paymentStatus) {
		ObjectNode session = sessions.get(checkoutSessionId);
		session.put("status", "complete").put("payment_status", paymentStatus);
		return session;
	}

	/** A signed webhook delivery of {@code type} about a session, as Stripe sends it: payload and Stripe-Signature. */
	public Delivery event(String eventId, String type, ObjectNode checkoutSession) {
		ObjectNode event = JSON.createObjectNode().put("id", eventId).put("object", "event")
				.put("api_version", "2025-10-29.clover").put("created", Instant.now().getEpochSecond())
				.put("livemode", false).put("pending_webhooks", 1).put("type", type);
		event.putObject("data").set("object", checkoutSession.deepCopy());
		String payload = JSON.writeValueAsString(event);
		return new Delivery(payload, signature(payload, WEBHOOK_SECRET, Instant.now().getEpochSecond()));
	}

	/** {@code t=<unix time>,v1=<HMAC-SHA256 of "t.payload">}, exactly as Stripe signs. */
	public static String signature(String payload, String secret, long timestamp) {
		try {
			return "t=" + timestamp + ",v1=" + Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload);
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public record Delivery(String payload, String signature) {
	}

	/** Creates, expires and returns Checkout Sessions the way Stripe's API does. */
	private final class Checkout implements ResponseDefinitionTransformerV2 {

		@Override
		public String getName() {
			return "checkout";
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			var request = serveEvent.getRequest();
			Integer delay = serveEvent.getResponseDefinition().getFixedDelayMilliseconds();
			ResponseDefinition answer = answer(request);
			return delay == null ? answer : ResponseDefinitionBuilder.like(answer).withFixedDelay(delay).build();
		}

		private ResponseDefinition answer(com.github.tomakehurst.wiremock.http.Request request) {
			String path = request.getUrl().replaceFirst("\\?.*", "");
			if (request.getMethod().getName().equals("GET")) {
				return found(path.substring("/v1/checkout/sessions/".length()), session -> session);
			}
			if (path.endsWith("/expire")) {
				return found(path.split("/")[4], session -> {
					if (!"open".equals(session.get("status").asString())) {
						return null;
					}
					return session.put("status", "expired");
				});
			}
			String key = request.getHeader("Idempotency-Key");
			return json(200, key == null ? create(request) : answersByIdempotencyKey.computeIfAbsent(key, k -> create(request)));
		}

		private String create(com.github.tomakehurst.wiremock.http.Request request) {
			String id = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
			Map<String, String> form = new LinkedHashMap<>();
			request.formParameters().forEach((name, value) -> form.put(name, value.firstValue()));
			ObjectNode session = JSON.createObjectNode().put("id", id).put("object", "checkout.session")
					.put("url", "https://checkout.stripe.com/c/pay/" + id + "#fidkdWxOYHwnPyd1blpxYHZxWjA0")
					.put("mode", form.get("mode")).put("status", "open").put("payment_status", "unpaid")
					.put("currency", form.get("line_items[0][price_data][currency]"))
					.put("amount_total", Long.parseLong(form.get("line_items[0][price_data][unit_amount]")))
					.put("client_reference_id", form.get("client_reference_id"))
					.put("expires_at", Long.parseLong(form.get("expires_at")))
					.put("created", Instant.now().getEpochSecond()).put("livemode", false)
					.put("success_url", form.get("success_url")).put("cancel_url", form.get("cancel_url"));
			ObjectNode metadata = session.putObject("metadata");
			form.forEach((name, value) -> {
				if (name.startsWith("metadata[")) {
					metadata.put(name.substring("metadata[".length(), name.length() - 1), value);
				}
			});
			sessions.put(id, session);
			return JSON.writeValueAsString(session);
		}

		private ResponseDefinition found(String id, java.util.function.UnaryOperator<ObjectNode> change) {
			ObjectNode session = sessions.get(id);
			if (session == null) {
				return error(404, "resource_missing", "No such checkout.session: '" + id + "'");
			}
			ObjectNode changed = change.apply(session);
			return changed == null
					? error(400, "checkout_session_unexpirable", "Only Checkout Sessions with a status in [\"open\"]"
							+ " can be expired. This Checkout Session has a status of \"" + session.get("status").asString() + "\".")
					: json(200, JSON.writeValueAsString(changed));
		}
	}

	public static ResponseDefinition error(int status, String code, String message) {
		ObjectNode body = JSON.createObjectNode();
		body.putObject("error").put("type", status >= 500 ? "api_error" : "invalid_request_error").put("code", code)
				.put("message", message);
		return json(status, JSON.writeValueAsString(body));
	}

	/** A Stripe error body, for stubs of failures. */
	public static String errorBody(String type, String message) {
		ObjectNode body = JSON.createObjectNode();
		body.putObject("error").put("type", type).put("message", message);
		return JSON.writeValueAsString(body);
	}

	private static ResponseDefinition json(int status, String body) {
		return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withBody(body)
				.withHeader("Content-Type", "application/json")
				.withHeader("Request-Id", "req_" + UUID.randomUUID().toString().substring(0, 14)).build();
	}
}
