package io.chargepay.csms.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@CsmsIntegrationTest
class HealthIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void answersLivenessAndReadinessWithoutAToken() {
		Api api = new Api(port);

		assertThat(api.get("/actuator/health/liveness", null).body().get("status").asString()).isEqualTo("UP");
		assertThat(api.get("/actuator/health/readiness", null).body().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void showsOperatorsTheDatabaseTheOcppListenerAndWalletLocksInReadiness() {
		Api.Response readiness = new Api(port).get("/actuator/health/readiness", Tokens.operator());

		assertThat(readiness.body().get("components").get("db").get("status").asString()).isEqualTo("UP");
		assertThat(readiness.body().get("components").get("ocppListener").get("status").asString()).isEqualTo("UP");
		assertThat(readiness.body().get("components").get("walletLocks").get("status").asString()).isEqualTo("UP");
		assertThat(new Api(port).get("/actuator/health/readiness", null).body().has("components")).isFalse();
	}
}
