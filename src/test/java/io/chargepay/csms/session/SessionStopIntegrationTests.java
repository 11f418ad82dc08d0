package io.chargepay.csms.session;

import static io.chargepay.csms.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.payment.PaymentLinkView;
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
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** POST /api/v1/session/stop over real HTTP with a charger on a real WebSocket (sandbox payment links). */
@CsmsIntegrationTest
@TestPropertySource(properties = { "csms.session.stop-wait=2s", "csms.session.stop-retry-after=5s",
		"csms.session.expiry-check-interval=500ms" })
class SessionStopIntegrationTests {

	@LocalServerPort
	int port;
	@Value("${local.ocpp.port}")
	int ocppPort;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	BalanceService balance;
	@Autowired
	ChargerCommands commands;
	@Autowired
	io.chargepay.csms.payment.PaymentLinkService payments;

	Api api;
	Fleet fleet;
	String chargerId;
	String idTag;
	String userId;
	TestCharger charger;

	@BeforeEach
	void connect() {
		api = new Api(port);
		fleet = new Fleet(chargers, identity, balance);
		chargerId = fleet.newCharger();
		idTag = fleet.newDriverTag();
		userId = fleet.userOf(idTag);
		charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY);
		await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void stopsTheSessionAndAnswersWithItsPaymentLink() {
		Started started = startCharging(1_000);

		CompletableFuture<Api.Response> stopping = stopAsync(Tokens.driver(userId), userId, started.sessionId(), null);
		chargerStops(started.transactionId(), 13_500);

		Api.Response response = stopping.join();
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		JsonNode body = response.body();
		assertThat(body.get("sessionId").asString()).isEqualTo(started.sessionId());
		assertThat(body.get("userId").asString()).isEqualTo(userId);
		assertThat(body.get("energyWh").asLong()).isEqualTo(12_500);
		assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("0.50");
		assertThat(body.get("currency").asString()).isEqualTo("usd");
		assertThat(body.get("paymentLinkId").asString()).isNotBlank();
		assertThat(Instant.parse(body.get("expiresAt").asString()))
				.isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
		assertThat(api.send(api.request(body.get("url").asString().replaceFirst("^https?://[^/]+", ""), null).GET())
				.status()).as("the sandbox payment page opens").isEqualTo(200);
	}

	@Test
	void letsAnOperatorSetTheFinalCost() {
		Started started = startCharging(0);

		CompletableFuture<Api.Response> stopping = stopAsync(Tokens.operator(), userId, started.sessionId(),
				new BigDecimal("7.50"));
		chargerStops(started.transactionId(), 5_000);

		assertThat(stopping.join().body().get("amount").decimalValue()).isEqualByComparingTo("7.50");
		JsonNode session = api.get("/api/v1/session/" + started.sessionId(), Tokens.driver(userId)).body();
		assertThat(session.get("stoppedBy").get("kind").asString()).isEqualTo("OPERATOR");
		assertThat(session.get("stoppedBy").get("id").asString()).startsWith("operator-");
		assertThat(session.get("finalCost").decimalValue()).isEqualByComparingTo("7.50");
	}

	@Test
	void recordsWhoStartedAndWhoStoppedEachSessionAndKeepsItWhenPaid() {
		Started byDriver = startCharging(0);
		CompletableFuture<Api.Response> stopping = stopAsync(Tokens.driver(userId), userId, byDriver.sessionId(), null);
		chargerStops(byDriver.transactionId(), 1_000);
		stopping.join();
		Started byCharger = startCharging(1_000);
		charger.result("StopTransaction", Map.of("transactionId", byCharger.transactionId(), "meterStop", 2_000,
				"timestamp", Instant.now().toString(), "reason", "EVDisconnected", "idTag", idTag));

		JsonNode stoppedByDriver = api.get("/api/v1/session/" + byDriver.sessionId(), Tokens.driver(userId)).body();
		assertThat(stoppedByDriver.get("startedBy").get("kind").asString()).isEqualTo("CHARGER");
		assertThat(stoppedByDriver.get("startedBy").get("id").asString()).isEqualTo(chargerId);
		assertThat(stoppedByDriver.get("stoppedBy").get("kind").asString()).isEqualTo("DRIVER");
		assertThat(stoppedByDriver.get("stoppedBy").get("id").asString()).isEqualTo(userId);
		JsonNode stoppedByCharger = api.get("/api/v1/user/" + userId + "/sessions", Tokens.driver(userId)).body()
				.get("items").get(0);
		assertThat(stoppedByCharger.get("sessionId").asString()).isEqualTo(byCharger.sessionId());
		assertThat(stoppedByCharger.get("stoppedBy").get("kind").asString()).isEqualTo("CHARGER");
		assertThat(stoppedByCharger.get("stoppedBy").get("id").asString()).isEqualTo(chargerId);

		PaymentLinkView link = payments.awaitActiveLink(byDriver.sessionId(), Duration.ofSeconds(10)).orElseThrow();
		payments.paySandboxLink(link.id());
		await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/session/" + byDriver.sessionId(),
				Tokens.driver(userId)).body().get("status").asString().equals("PAID"));
		JsonNode paid = api.get("/api/v1/session/" + byDriver.sessionId(), Tokens.driver(userId)).body();
		assertThat(paid.get("stoppedBy").get("kind").asString()).as("kept when paid").isEqualTo("DRIVER");
		assertThat(link.createdBy()).isEqualTo(io.chargepay.csms.session.Actor.system("session-ended"));
	}

	@Test
	void refusesDriversStoppingAnotherUsersSessionOrPricingTheirOwn() {
		Started started = startCharging(0);

		Api.Response otherUser = stop(Tokens.driver("someone-else"), "someone-else", started.sessionId(), null);
		Api.Response otherToken = stop(Tokens.driver("someone-else"), userId, started.sessionId(), null);
		Api.Response operatorForOtherUser = stop(Tokens.operator(), "someone-else", started.sessionId(), null);
		Api.Response ownPrice = stop(Tokens.driver(userId), userId, started.sessionId(), new BigDecimal("0.01"));

		assertThat(otherUser.status()).isEqualTo(403);
		assertProblem(otherUser, "forbidden");
		assertThat(otherToken.status()).isEqualTo(403);
		assertThat(operatorForOtherUser.status()).as("the spec's user validation, whatever the role").isEqualTo(403);
		assertThat(ownPrice.status()).isEqualTo(403);
		assertThat(charger.nextCall(1)).as("no remote stop went out").isNull();
	}

	@Test
	void answers404ForAnUnknownSessionAnd409ForOneThatIsNotActive() {
		Started started = startCharging(0);
		CompletableFuture<Api.Response> first = stopAsync(Tokens.driver(userId), userId, started.sessionId(), null);
		chargerStops(started.transactionId(), 100);
		first.join();

		Api.Response again = stop(Tokens.driver(userId), userId, started.sessionId(), null);
		Api.Response unknown = stop(Tokens.operator(), userId, "00000000-0000-0000-0000-000000000000", null);

		assertThat(again.status()).isEqualTo(409);
		assertProblem(again, "conflict");
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void answers503AndLeavesTheSessionActiveWhenTheChargerIsOffline() {
		Started started = startCharging(0);
		charger.close();
		await().atMost(Duration.ofSeconds(5)).until(() -> !commands.isConnected(chargerId));

		Api.Response response = stop(Tokens.driver(userId), userId, started.sessionId(), null);

		assertThat(response.status()).isEqualTo(503);
		assertProblem(response, "charger-unavailable");
		assertThat(api.get("/api/v1/session/" + started.sessionId(), Tokens.driver(userId)).body().get("status")
				.asString()).isEqualTo("ACTIVE");
		charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY);
	}

	@Test
	void answers202StoppingWhenTheStopTransactionHasNotComeAndBillsItWhenItDoes() {
		Started started = startCharging(0);

		CompletableFuture<Api.Response> stopping = stopAsync(Tokens.driver(userId), userId, started.sessionId(), null);
		ArrayNode remoteStop = charger.expectCall("RemoteStopTransaction");
		charger.answer(remoteStop, Map.of("status", "Accepted"));

		Api.Response response = stopping.join();
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.body().get("status").asString()).isEqualTo("STOPPING");

		charger.result("StopTransaction", Map.of("transactionId", started.transactionId(), "meterStop", 2_000,
				"timestamp", Instant.now().toString(), "reason", "Remote"));
		await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/user/" + userId + "/sessions",
				Tokens.driver(userId)).body().get("items").get(0).get("paymentLink").has("url"));
	}

	@Test
	void restoresTheSessionWhenTheChargerRefusesTheRemoteStop() {
		Started started = startCharging(0);

		CompletableFuture<Api.Response> stopping = stopAsync(Tokens.driver(userId), userId, started.sessionId(), null);
		charger.answer(charger.expectCall("RemoteStopTransaction"), Map.of("status", "Rejected"));

		assertThat(stopping.join().status()).isEqualTo(409);
		assertThat(api.get("/api/v1/session/" + started.sessionId(), Tokens.driver(userId)).body().get("status")
				.asString()).isEqualTo("ACTIVE");
	}

	@Test
	void sendsTheStopAgainForASessionStoppingTooLongAndLeavesItActiveWhenTheChargerRefusesThen() {
		Started started = startCharging(0);
		CompletableFuture<Api.Response> stopping = stopAsync(Tokens.driver(userId), userId, started.sessionId(), null);
		charger.answer(charger.expectCall("RemoteStopTransaction"), Map.of("status", "Accepted"));
		assertThat(stopping.join().status()).as("accepted, but no StopTransaction comes").isEqualTo(202);

		ArrayNode retry = charger.expectCall("RemoteStopTransaction");
		assertThat(retry.get(3).get("transactionId").asInt()).isEqualTo(started.transactionId());
		charger.answer(retry, Map.of("status", "Rejected"));

		await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/session/" + started.sessionId(),
				Tokens.driver(userId)).body().get("status").asString().equals("ACTIVE"));
		assertThat(charger.nextCall(1)).as("retried once, not again while ACTIVE").isNull();
	}

	@Test
	void listsAUsersSessionsNewestFirstWithTheirPaymentLinksToThemAndOperatorsOnly() {
		Started older = startCharging(0);
		CompletableFuture<Api.Response> stopping = stopAsync(Tokens.driver(userId), userId, older.sessionId(), null);
		chargerStops(older.transactionId(), 3_000);
		stopping.join();
		Started newer = startCharging(3_000);

		JsonNode page = api.get("/api/v1/user/" + userId + "/sessions", Tokens.driver(userId)).body();

		assertThat(page.get("items").get(0).get("sessionId").asString()).isEqualTo(newer.sessionId());
		JsonNode stopped = page.get("items").get(1);
		assertThat(stopped.get("sessionId").asString()).isEqualTo(older.sessionId());
		assertThat(stopped.get("energyWh").asLong()).isEqualTo(3_000);
		assertThat(stopped.get("paymentLinks")).hasSize(1);
		assertThat(stopped.get("paymentLink").get("status").asString()).isEqualTo("ACTIVE");
		assertThat(stopped.get("balanceCheckId").asString()).isNotBlank();
		assertThat(api.get("/api/v1/user/" + userId + "/sessions", Tokens.operator()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/user/" + userId + "/sessions", Tokens.driver("someone-else")).status())
				.isEqualTo(403);
	}

	record Started(String sessionId, int transactionId) {
	}

	/** A session started at the charger (RFID), as its StartTransaction records it. */
	private Started startCharging(int meterStart) {
		int transactionId = charger.result("StartTransaction", Map.of("connectorId", 1, "idTag", idTag,
				"meterStart", meterStart, "timestamp", Instant.now().toString())).get("transactionId").asInt();
		String sessionId = api.get("/api/v1/user/" + userId + "/sessions", Tokens.driver(userId)).body().get("items")
				.get(0).get("sessionId").asString();
		return new Started(sessionId, transactionId);
	}

	private void chargerStops(int transactionId, int meterStop) {
		ArrayNode remoteStop = charger.expectCall("RemoteStopTransaction");
		assertThat(remoteStop.get(3).get("transactionId").asInt()).isEqualTo(transactionId);
		charger.answer(remoteStop, Map.of("status", "Accepted"));
		charger.result("StopTransaction", Map.of("transactionId", transactionId, "meterStop", meterStop,
				"timestamp", Instant.now().toString(), "reason", "Remote"));
	}

	private Api.Response stop(String token, String user, String sessionId, BigDecimal finalCost) {
		Map<String, Object> body = new HashMap<>(Map.of("userId", user, "sessionId", sessionId));
		if (finalCost != null) {
			body.put("finalCost", finalCost);
		}
		return api.post("/api/v1/session/stop", token, body);
	}

	private CompletableFuture<Api.Response> stopAsync(String token, String user, String sessionId, BigDecimal finalCost) {
		return CompletableFuture.supplyAsync(() -> stop(token, user, sessionId, finalCost));
	}
}
