package io.chargepay.csms.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The specification's "Starting a Session with Balance Check" example, as written, against the sandbox. */
@CsmsIntegrationTest
@TestPropertySource(properties = "csms.wallets.enforce-checksum=false")
class SandboxExampleIntegrationTests {

	static final String SPEC_EXAMPLE = """
			{
			  "userId": "user-123",
			  "chargerId": "CHARGER-001",
			  "walletAddress": "0x742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c",
			  "chain": "ETHEREUM",
			  "expectedMaxCost": 10.0,
			  "metadata": {
			    "location": "Station A",
			    "connectorType": "DCFC"
			  }
			}""";

	@LocalServerPort
	int port;
	@Value("${local.ocpp.port}")
	int ocppPort;
	@Autowired
	ChargerCommands commands;

	@Test
	void startsTheSpecificationsExampleSessionWithTheDemoDataAndReturnsTheSpecsFields() {
		try (TestCharger charger = TestCharger.connect(ocppPort, "CHARGER-001", "sandbox-charger-001-key")) {
			await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected("CHARGER-001"));
			Api api = new Api(port);
			CompletableFuture<Api.Response> started = CompletableFuture.supplyAsync(() -> api.send(
					api.request("/api/v1/session/start", Tokens.driver("user-123"))
							.header("Content-Type", "application/json")
							.POST(java.net.http.HttpRequest.BodyPublishers.ofString(SPEC_EXAMPLE))));
			charger.answer(charger.expectCall("RemoteStartTransaction"), Map.of("status", "Accepted"));

			Api.Response response = started.join();
			assertThat(response.status()).as(response.text()).isEqualTo(201);
			JsonNode body = response.body();
			assertThat(body.get("balanceStatus").asString()).isEqualTo("SUFFICIENT");
			assertThat(body.get("userId").asString()).isEqualTo("user-123");
			assertThat(body.get("chargerId").asString()).isEqualTo("CHARGER-001");
			assertThat(body.get("idTag").asString()).isEqualTo("TAG-USER-123");
			assertThat(body.has("sessionId")).isTrue();
			assertThat(body.has("balanceCheckId")).isTrue();
			assertThat(body.has("status")).isTrue();
		}
	}
}
