package io.chargepay.csms.web;

import static io.chargepay.csms.web.ApiSecurityIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.Flow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** How the API answers requests it cannot take: always a problem, naming the field, never a stack trace. */
@CsmsIntegrationTest
class ApiErrorsIntegrationTests {

	@LocalServerPort
	int port;

	Api api;
	String operator;

	@BeforeEach
	void prepare() {
		api = new Api(port);
		operator = Tokens.operator();
	}

	@Test
	void answersMalformedJsonWith400() {
		Api.Response response = api.postRaw("/api/v1/chargers", operator, "{\"chargerId\": ");

		assertThat(response.status()).isEqualTo(400);
		assertProblem(response, "malformed-request");
	}

	@Test
	void answersAWrongTypeWith400NamingTheField() {
		Api.Response response = api.postRaw("/api/v1/chargers/X/commands/unlock-connector", operator,
				"{\"connectorId\": \"one\"}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("connectorId");
	}

	@Test
	void answersMissingRequiredFieldsAndOutOfRangeNumbersWith400NamingTheField() {
		Api.Response missing = api.post("/api/v1/chargers", operator, Map.of("password", "long-enough-password"));
		Api.Response outOfRange = api.post("/api/v1/chargers/X/commands/change-availability", operator,
				Map.of("connectorId", -1, "type", "Operative"));

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body().get("errors").get(0).get("field").asString()).isEqualTo("chargerId");
		assertThat(outOfRange.status()).isEqualTo(400);
		assertThat(outOfRange.body().get("errors").get(0).get("field").asString()).isEqualTo("connectorId");
	}

	@Test
	void answersUnknownRoutesWith404Problem() {
		Api.Response response = api.get("/api/v1/does-not-exist", operator);

		assertThat(response.status()).isEqualTo(404);
		assertProblem(response, "not-found");
	}

	@Test
	void answersAWrongMethodWith405Problem() {
		Api.Response response = api.send("PATCH", "/api/v1/chargers", operator, Map.of());

		assertThat(response.status()).isEqualTo(405);
		assertProblem(response, "method-not-allowed");
	}

	@Test
	void answersBodiesAbove64KiBWith413() {
		String big = "{\"chargerId\":\"" + "x".repeat(70_000) + "\",\"password\":\"long-enough-password\"}";

		Api.Response declared = api.postRaw("/api/v1/chargers", operator, big);
		Api.Response chunked = api.send(api.request("/api/v1/chargers", operator)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.fromPublisher(chunksOf(big))));

		assertThat(declared.status()).isEqualTo(413);
		assertProblem(declared, "payload-too-large");
		assertThat(chunked.status()).isEqualTo(413);
	}

	@Test
	void neverShowsStackTracesOrInternals() {
		Api.Response response = api.postRaw("/api/v1/users", operator, "[1,2,3]");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.text()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("tools.jackson");
	}

	/** A body without Content-Length: it is sent chunked. */
	private static Flow.Publisher<ByteBuffer> chunksOf(String body) {
		return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
	}
}
