package io.chargepay.csms.session;

import static io.chargepay.csms.web.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.identity.Wallet;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * POST /api/v1/session/start over real HTTP, with a charger on a real WebSocket and sandbox wallets; DEADCHAIN is an
 * EVM chain whose node does not answer.
 */
@CsmsIntegrationTest
@TestPropertySource(properties = { "csms.session.pending-timeout=2s", "csms.session.expiry-check-interval=200ms",
		"csms.chains.DEADCHAIN.rpc-url=http://127.0.0.1:9", "csms.chains.DEADCHAIN.chain-id=31337",
		"csms.chains.DEADCHAIN.native-symbol=ETH", "csms.chains.DEADCHAIN.fiat-price=2000",
		"csms.balance.rpc-timeout=1s" })
class SessionStartIntegrationTests {

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
	JdbcTemplate jdbc;

	Api api;
	Fleet fleet;
	String chargerId;
	String idTag;
	String userId;
	String wallet;
	TestCharger charger;

	@BeforeEach
	void connect() {
		api = new Api(port);
		fleet = new Fleet(chargers, identity, balance);
		chargerId = fleet.newCharger();
		idTag = fleet.newDriverTag();
		userId = fleet.userOf(idTag);
		wallet = fleet.walletOf(idTag);
		charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY);
		await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void startsASessionThatBecomesActiveWithTheChargersTransaction() {
		CompletableFuture<Api.Response> started = startAsync(userId, wallet, "10.00", Map.of("location", "Station A"));
		ArrayNode remoteStart = charger.expectCall("RemoteStartTransaction");
		assertThat(remoteStart.get(3).get("idTag").asString()).isEqualTo(idTag);
		charger.answer(remoteStart, Map.of("status", "Accepted"));

		Api.Response response = started.join();
		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.body();
		assertThat(body.get("status").asString()).isEqualTo("PENDING");
		assertThat(body.get("balanceStatus").asString()).isEqualTo("SUFFICIENT");
		assertThat(body.get("userId").asString()).isEqualTo(userId);
		assertThat(body.get("chargerId").asString()).isEqualTo(chargerId);
		assertThat(body.get("idTag").asString()).isEqualTo(idTag);
		String sessionId = body.get("sessionId").asString();

		int transactionId = charger.result("StartTransaction", Map.of("connectorId", 1, "idTag", idTag, "meterStart", 100,
				"timestamp", "2026-06-01T10:00:00Z")).get("transactionId").asInt();

		JsonNode session = api.get("/api/v1/session/" + sessionId, Tokens.driver(userId)).body();
		assertThat(session.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(session.get("transactionId").asInt()).isEqualTo(transactionId);
		assertThat(session.get("balanceCheckId").asString()).isEqualTo(body.get("balanceCheckId").asString());
		assertThat(session.get("startedBy").get("kind").asString()).as("the driver who asked").isEqualTo("DRIVER");
		assertThat(session.get("startedBy").get("id").asString()).isEqualTo(userId);
		assertThat(session.get("metadata").asString()).contains("Station A");
	}

	@Test
	void refusesWith402WhenTheWalletIsShortAndRecordsTheCheck() {
		balance.setSandboxBalance(Fleet.CHAIN, wallet, new BigDecimal("5.00"));

		Api.Response response = start(userId, wallet, "10.00");

		assertThat(response.status()).isEqualTo(402);
		assertProblem(response, "insufficient-balance");
		assertThat(response.body().get("balanceStatus").asString()).isEqualTo("INSUFFICIENT");
		String checkId = response.body().get("balanceCheckId").asString();
		assertThat(jdbc.queryForObject("select status from balance_checks where id = ?", String.class, checkId))
				.isEqualTo("INSUFFICIENT");
		assertThat(jdbc.queryForObject("select count(*) from charging_sessions where charger_id = ?", Integer.class,
				chargerId)).isZero();
		assertThat(charger.nextCall(1)).isNull();
	}

	@Test
	void refusesWith503AndRecordsAnErrorWhenTheChainsNodeDoesNotAnswer() {
		String evmWallet = Fleet.newWalletAddress();
		identity.addWallet(userId, new Wallet(evmWallet, "DEADCHAIN", false));

		Api.Response response = api.post("/api/v1/session/start", Tokens.driver(userId), Map.of("userId", userId,
				"chargerId", chargerId, "walletAddress", evmWallet, "chain", "DEADCHAIN", "expectedMaxCost", 10));

		assertThat(response.status()).isEqualTo(503);
		assertProblem(response, "balance-unavailable");
		assertThat(response.body().get("balanceStatus").asString()).isEqualTo("ERROR");
		assertThat(jdbc.queryForObject("select error_message from balance_checks where id = ?", String.class,
				response.body().get("balanceCheckId").asString())).isNotBlank();
	}

	@Test
	void refusesWith403AFundedWalletThatIsNotTheUsersBeforeAnyCheckOrReservation() {
		String othersTag = fleet.newDriverTag(new BigDecimal("1000.00"));
		String othersWallet = fleet.walletOf(othersTag);

		Api.Response asDriver = start(userId, othersWallet, "10.00");
		Api.Response asOperator = api.post("/api/v1/session/start", Tokens.operator(),
				startBody(userId, othersWallet, "10.00"));
		Api.Response onAnotherChain = api.post("/api/v1/session/start", Tokens.driver(userId), Map.of("userId",
				userId, "chargerId", chargerId, "walletAddress", wallet, "chain", "DEADCHAIN", "expectedMaxCost", 10));

		for (Api.Response refused : List.of(asDriver, asOperator, onAnotherChain)) {
			assertThat(refused.status()).isEqualTo(403);
			assertProblem(refused, "wallet-not-owned");
		}
		assertThat(jdbc.queryForObject("select count(*) from balance_checks where wallet_address = ?", Integer.class,
				othersWallet)).as("no check was recorded, so nothing of the other wallet is reserved").isZero();
		assertThat(jdbc.queryForObject("select count(*) from charging_sessions where charger_id = ?", Integer.class,
				chargerId)).isZero();
		assertThat(charger.nextCall(1)).isNull();
	}

	@Test
	void acceptsTheUsersWalletWhateverTheCaseOfItsHexDigitsAndChain() {
		CompletableFuture<Api.Response> started = startAsync(userId, wallet.toUpperCase(java.util.Locale.ROOT)
				.replace("0X", "0x"), "10.00", null);
		charger.answer(charger.expectCall("RemoteStartTransaction"), Map.of("status", "Accepted"));
		assertThat(started.join().status()).isEqualTo(201);
	}

	@Test
	void refusesInvalidAddressesAndUnknownChainsWith400BeforeAnyCheck() {
		Api.Response badAddress = start(userId, "0x1234", "10.00");
		Api.Response badChain = api.post("/api/v1/session/start", Tokens.driver(userId), Map.of("userId", userId,
				"chargerId", chargerId, "walletAddress", wallet, "chain", "NOT A CHAIN", "expectedMaxCost", 10));

		assertThat(badAddress.status()).isEqualTo(400);
		assertThat(badChain.status()).isEqualTo(400);
		assertThat(jdbc.queryForObject("select count(*) from balance_checks where user_id = ?", Integer.class, userId))
				.isZero();
	}

	@Test
	void validatesTheRequestNamingTheField() {
		Api.Response negative = start(userId, wallet, "-1");
		Api.Response missing = api.post("/api/v1/session/start", Tokens.driver(userId),
				Map.of("userId", userId, "chargerId", chargerId, "walletAddress", wallet, "chain", "ETHEREUM"));

		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.body().get("errors").get(0).get("field").asString()).isEqualTo("expectedMaxCost");
		assertThat(missing.body().get("errors").get(0).get("field").asString()).isEqualTo("expectedMaxCost");
	}

	@Test
	void letsDriversStartOnlyForThemselves() {
		assertThat(api.post("/api/v1/session/start", Tokens.driver("someone-else"), startBody(userId, wallet, "10"))
				.status()).isEqualTo(403);
		assertThat(api.post("/api/v1/session/start", null, startBody(userId, wallet, "10")).status()).isEqualTo(401);
	}

	@Test
	void failsTheSessionWith409WhenTheChargerRejectsAndFreesTheFunds() {
		balance.setSandboxBalance(Fleet.CHAIN, wallet, new BigDecimal("10.00"));
		CompletableFuture<Api.Response> refused = startAsync(userId, wallet, "10.00", null);
		charger.answer(charger.expectCall("RemoteStartTransaction"), Map.of("status", "Rejected"));

		Api.Response response = refused.join();
		assertThat(response.status()).isEqualTo(409);
		assertProblem(response, "charger-refused");
		assertThat(response.body().get("sessionStatus").asString()).isEqualTo("FAILED");

		CompletableFuture<Api.Response> again = startAsync(userId, wallet, "10.00", null);
		charger.answer(charger.expectCall("RemoteStartTransaction"), Map.of("status", "Accepted"));
		assertThat(again.join().status()).as("the refused session's funds were released").isEqualTo(201);
	}

	@Test
	void answers504WhenTheChargerDoesNotAnswerAnd503WhenItIsOffline() {
		CompletableFuture<Api.Response> silent = startAsync(userId, wallet, "10.00", null);
		charger.expectCall("RemoteStartTransaction");
		Api.Response timedOut = silent.join();
		assertThat(timedOut.status()).isEqualTo(504);
		assertThat(timedOut.body().get("sessionStatus").asString()).isEqualTo("FAILED");

		String offline = fleet.newCharger();
		Api.Response unavailable = api.post("/api/v1/session/start", Tokens.driver(userId),
				Map.of("userId", userId, "chargerId", offline, "walletAddress", wallet, "chain", "ETHEREUM",
						"expectedMaxCost", 10));
		assertThat(unavailable.status()).isEqualTo(503);
		assertProblem(unavailable, "charger-unavailable");
	}

	@Test
	void refusesOneOfTwoConcurrentStartsThatTogetherExceedTheWallet() {
		balance.setSandboxBalance(Fleet.CHAIN, wallet, new BigDecimal("15.00"));
		String secondChargerId = fleet.newCharger();
		try (TestCharger second = TestCharger.connect(ocppPort, secondChargerId, Fleet.CHARGER_KEY)) {
			await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(secondChargerId));
			CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> start(userId, wallet, "10.00"));
			CompletableFuture<Api.Response> other = CompletableFuture.supplyAsync(() -> api.post("/api/v1/session/start",
					Tokens.driver(userId), startBody(userId, wallet, "10.00", secondChargerId)));
			// Whichever start wins, its charger must answer within the 2 s call timeout: both listen at once.
			CompletableFuture.allOf(CompletableFuture.runAsync(() -> answerRemoteStartIfAsked(charger)),
					CompletableFuture.runAsync(() -> answerRemoteStartIfAsked(second))).join();

			List<Integer> statuses = List.of(first.join().status(), other.join().status());
			assertThat(statuses).containsExactlyInAnyOrder(201, 402);
		}
	}

	@Test
	void givesAUserWithoutAnIdTagOneForTheRemoteStart() {
		String tagless = "tagless-" + System.nanoTime();
		String taglessWallet = Fleet.newWalletAddress();
		identity.createUser(tagless, List.of(), List.of(new Wallet(taglessWallet, Fleet.CHAIN, true)));
		balance.setSandboxBalance(Fleet.CHAIN, taglessWallet, new BigDecimal("50"));

		CompletableFuture<Api.Response> started = startAsync(tagless, taglessWallet, "10.00", null);
		ArrayNode remoteStart = charger.expectCall("RemoteStartTransaction");
		charger.answer(remoteStart, Map.of("status", "Accepted"));

		String generated = remoteStart.get(3).get("idTag").asString();
		assertThat(generated).startsWith("APP-").hasSizeLessThanOrEqualTo(20);
		assertThat(started.join().body().get("idTag").asString()).isEqualTo(generated);
		assertThat(identity.idTagOf(tagless)).contains(generated);
	}

	@Test
	void expiresAPendingSessionWhoseStartTransactionNeverComesAndFreesTheFunds() {
		balance.setSandboxBalance(Fleet.CHAIN, wallet, new BigDecimal("10.00"));
		CompletableFuture<Api.Response> started = startAsync(userId, wallet, "10.00", null);
		charger.answer(charger.expectCall("RemoteStartTransaction"), Map.of("status", "Accepted"));
		String sessionId = started.join().body().get("sessionId").asString();

		await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(
				api.get("/api/v1/session/" + sessionId, Tokens.operator()).body().get("status").asString()));
		assertThat(jdbc.queryForObject("select failure_reason from charging_sessions where id = ?", String.class,
				sessionId)).contains("StartTransaction");
		assertThat(api.get("/api/v1/session/" + sessionId, Tokens.operator()).body().get("stoppedBy").get("id")
				.asString()).as("failed by the system's pending expiry").isEqualTo("pending-expiry");

		CompletableFuture<Api.Response> again = startAsync(userId, wallet, "10.00", null);
		charger.answer(charger.expectCall("RemoteStartTransaction"), Map.of("status", "Accepted"));
		assertThat(again.join().status()).isEqualTo(201);
	}

	@Test
	void showsBalanceChecksToTheirUserAndOperatorsOnly() {
		balance.setSandboxBalance(Fleet.CHAIN, wallet, new BigDecimal("5.00"));
		String checkId = start(userId, wallet, "10.00").body().get("balanceCheckId").asString();

		JsonNode history = api.get("/api/v1/user/" + userId + "/balance-checks", Tokens.driver(userId)).body();
		assertThat(history.get("items").get(0).get("id").asString()).isEqualTo(checkId);
		assertThat(history.get("order").asString()).isEqualTo("newest first");
		JsonNode details = api.get("/api/v1/user/balance-check/" + checkId, Tokens.driver(userId)).body();
		assertThat(details.get("walletAddress").asString()).isEqualTo(wallet);
		assertThat(details.get("status").asString()).isEqualTo("INSUFFICIENT");
		assertThat(details.get("requestedAmount").decimalValue()).isEqualByComparingTo("10");
		assertThat(details.get("provider").asString()).isEqualTo("sandbox");
		assertThat(api.get("/api/v1/user/balance-check/" + checkId, Tokens.operator()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/user/balance-check/" + checkId, Tokens.driver("someone-else")).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/user/" + userId + "/balance-checks", Tokens.driver("someone-else")).status())
				.isEqualTo(403);
		assertThat(api.get("/api/v1/user/balance-check/no-such-check", Tokens.operator()).status()).isEqualTo(404);
	}

	private void answerRemoteStartIfAsked(TestCharger target) {
		ArrayNode call = target.nextCall(5);
		if (call != null) {
			target.answer(call, Map.of("status", "Accepted"));
		}
	}

	private Api.Response start(String user, String walletAddress, String amount) {
		return api.post("/api/v1/session/start", Tokens.driver(user), startBody(user, walletAddress, amount));
	}

	private CompletableFuture<Api.Response> startAsync(String user, String walletAddress, String amount,
			Map<String, Object> metadata) {
		Map<String, Object> body = new java.util.HashMap<>(startBody(user, walletAddress, amount));
		if (metadata != null) {
			body.put("metadata", metadata);
		}
		return CompletableFuture.supplyAsync(() -> api.post("/api/v1/session/start", Tokens.driver(user), body));
	}

	private Map<String, Object> startBody(String user, String walletAddress, String amount) {
		return startBody(user, walletAddress, amount, chargerId);
	}

	private static Map<String, Object> startBody(String user, String walletAddress, String amount, String charger) {
		return Map.of("userId", user, "chargerId", charger, "walletAddress", walletAddress, "chain", "ETHEREUM",
				"expectedMaxCost", new BigDecimal(amount));
	}
}
