package io.chargepay.csms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CsmsIntegrationTest
class SandboxTokenIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void issuesTokensThatTheApiAccepts() {
		Api api = new Api(port);

		Api.Response operator = api.post("/api/v1/sandbox/token", null, Map.of("userId", "ops-1", "roles", List.of("operator")));
		Api.Response driver = api.post("/api/v1/sandbox/token", null, Map.of("userId", "user-123"));

		assertThat(operator.status()).isEqualTo(200);
		assertThat(operator.body().get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(api.get("/api/v1/chargers", operator.body().get("accessToken").asString()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/chargers", driver.body().get("accessToken").asString()).status()).isEqualTo(403);
	}

	@Test
	void refusesATokenRequestWithoutAUserId() {
		assertThat(new Api(port).post("/api/v1/sandbox/token", null, Map.of("roles", List.of("operator"))).status())
				.isEqualTo(400);
	}
}
