package io.chargepay.csms.web;

import static io.chargepay.csms.web.ApiSecurityIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.node.ArrayNode;

/** Operator commands reach a real charger connection and come back as the charger answered. */
@CsmsIntegrationTest
class CommandApiIntegrationTests {

	@LocalServerPort
	int port;
	@Value("${local.ocpp.port}")
	int ocppPort;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;
	@Autowired
	ChargerCommands commands;

	Api api;
	String operator;
	String chargerId;
	TestCharger charger;

	@BeforeEach
	void connect() {
		api = new Api(port);
		operator = Tokens.operator();
		chargerId = new Fleet(chargers, identity, balance).newCharger();
		charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY);
		await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void returnsTheChargersAnswerToEachCommand() {
		record Case(String command, Map<String, Object> body, String action, Map<String, Object> expectedPayload) {
		}
		List<Case> cases = List.of(
				new Case("reset", Map.of("type", "Hard"), "Reset", Map.of("type", "Hard")),
				new Case("change-configuration", Map.of("key", "HeartbeatInterval", "value", "60"), "ChangeConfiguration",
						Map.of("key", "HeartbeatInterval", "value", "60")),
				new Case("get-configuration", Map.of("keys", List.of("HeartbeatInterval")), "GetConfiguration",
						Map.of("key", List.of("HeartbeatInterval"))),
				new Case("change-availability", Map.of("connectorId", 0, "type", "Inoperative"), "ChangeAvailability",
						Map.of("connectorId", 0, "type", "Inoperative")),
				new Case("unlock-connector", Map.of("connectorId", 2), "UnlockConnector", Map.of("connectorId", 2)),
				new Case("clear-cache", Map.of(), "ClearCache", Map.of()),
				new Case("trigger-message", Map.of("requestedMessage", "StatusNotification", "connectorId", 1),
						"TriggerMessage", Map.of("requestedMessage", "StatusNotification", "connectorId", 1)),
				new Case("data-transfer", Map.of("vendorId", "com.acme", "data", "hi"), "DataTransfer",
						Map.of("vendorId", "com.acme", "data", "hi")),
				new Case("remote-start", Map.of("idTag", "TAG-9", "connectorId", 1), "RemoteStartTransaction",
						Map.of("idTag", "TAG-9", "connectorId", 1)),
				new Case("remote-stop", Map.of("transactionId", 77), "RemoteStopTransaction", Map.of("transactionId", 77)));

		for (Case c : cases) {
			CompletableFuture<Api.Response> response = CompletableFuture.supplyAsync(() ->
					api.post("/api/v1/chargers/" + chargerId + "/commands/" + c.command(), operator, c.body()));
			ArrayNode call = charger.expectCall(c.action());
			assertThat(TestCharger.JSON.convertValue(call.get(3), Map.class)).as(c.command()).isEqualTo(c.expectedPayload());
			charger.answer(call, Map.of("status", "Accepted"));

			Api.Response answered = response.join();
			assertThat(answered.status()).as(c.command()).isEqualTo(200);
			assertThat(answered.body().get("action").asString()).isEqualTo(c.action());
			assertThat(answered.body().get("response").get("status").asString()).isEqualTo("Accepted");
		}
		assertThat(charger.conformanceViolations()).isEmpty();
	}

	@Test
	void answers502WithTheCallErrorWhenTheChargerRefusesTheCall() {
		CompletableFuture<Api.Response> response = CompletableFuture.supplyAsync(() ->
				api.post("/api/v1/chargers/" + chargerId + "/commands/clear-cache", operator, Map.of()));
		ArrayNode call = charger.expectCall("ClearCache");
		charger.sendRaw("[4,\"" + call.get(1).asString() + "\",\"NotSupported\",\"no cache\",{}]");

		Api.Response refused = response.join();
		assertThat(refused.status()).isEqualTo(502);
		assertProblem(refused, "charger-call-error");
		assertThat(refused.body().get("errorCode").asString()).isEqualTo("NotSupported");
	}

	@Test
	void answers504WhenTheChargerDoesNotAnswerInTime() {
		CompletableFuture<Api.Response> response = CompletableFuture.supplyAsync(() ->
				api.post("/api/v1/chargers/" + chargerId + "/commands/unlock-connector", operator,
						Map.of("connectorId", 1)));
		charger.expectCall("UnlockConnector");

		Api.Response timedOut = response.join();
		assertThat(timedOut.status()).isEqualTo(504);
		assertProblem(timedOut, "charger-timeout");
	}

	@Test
	void answers409WhenTheChargerIsOffline() {
		String offline = new Fleet(chargers, identity, balance).newCharger();

		Api.Response response = api.post("/api/v1/chargers/" + offline + "/commands/reset", operator,
				Map.of("type", "Soft"));

		assertThat(response.status()).isEqualTo(409);
		assertProblem(response, "charger-offline");
	}

	@Test
	void answers404ForAnUnknownChargerAndAnUnknownCommand() {
		assertThat(api.post("/api/v1/chargers/NOPE-NOPE/commands/reset", operator, Map.of("type", "Soft")).status())
				.isEqualTo(404);
		Api.Response unknownCommand = api.post("/api/v1/chargers/" + chargerId + "/commands/self-destruct", operator,
				Map.of());
		assertThat(unknownCommand.status()).isEqualTo(404);
		assertProblem(unknownCommand, "not-found");
	}

	@Test
	void refusesInvalidCommandBodiesNamingTheField() {
		Api.Response response = api.post("/api/v1/chargers/" + chargerId + "/commands/reset", operator,
				Map.of("type", "Gentle"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("type");
		assertThat(charger.nextCall(1)).isNull();
	}
}
