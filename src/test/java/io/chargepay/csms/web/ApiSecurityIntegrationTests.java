package io.chargepay.csms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.identity.Wallet;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operator endpoint over real HTTP with no token, an expired token, a wrongly signed token, a driver, another
 * driver and an operator.
 */
@CsmsIntegrationTest
class ApiSecurityIntegrationTests {

	/** What an endpoint test needs: a registered charger (offline) and a user with an idTag and a wallet. */
	record Fixture(String chargerId, String userId, String idTag, String wallet) {
	}

	record Endpoint(String name, String method, Function<Fixture, String> path, Function<Fixture, Object> body,
			int operatorStatus) {
		@Override
		public String toString() {
			return name;
		}
	}

	static final String WALLET = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

	@LocalServerPort
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;

	Api api;
	Fixture fixture;

	@BeforeEach
	void prepare() {
		api = new Api(port);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String chargerId = new Fleet(chargers, identity, balance).newCharger();
		String userId = "user-" + suffix;
		identity.createUser(userId, List.of("TAG-" + suffix), List.of(new Wallet(WALLET, "ETHEREUM", true)));
		fixture = new Fixture(chargerId, userId, "TAG-" + suffix, WALLET);
	}

	static Stream<Endpoint> operatorEndpoints() {
		return Stream.of(
				new Endpoint("register charger", "POST", f -> "/api/v1/chargers",
						f -> Map.of("chargerId", "NEW-" + UUID.randomUUID().toString().substring(0, 8),
								"password", "a-new-charger-key-123"), 201),
				new Endpoint("list chargers", "GET", f -> "/api/v1/chargers", f -> null, 200),
				new Endpoint("get charger", "GET", f -> "/api/v1/chargers/" + f.chargerId(), f -> null, 200),
				new Endpoint("rotate charger password", "PUT", f -> "/api/v1/chargers/" + f.chargerId() + "/password",
						f -> Map.of("password", "rotated-key-0123456789"), 204),
				new Endpoint("disable charger", "DELETE", f -> "/api/v1/chargers/" + f.chargerId(), f -> null, 204),
				command("reset", Map.of("type", "Soft")),
				command("change-configuration", Map.of("key", "HeartbeatInterval", "value", "60")),
				command("get-configuration", Map.of()),
				command("change-availability", Map.of("connectorId", 1, "type", "Inoperative")),
				command("unlock-connector", Map.of("connectorId", 1)),
				command("clear-cache", Map.of()),
				command("trigger-message", Map.of("requestedMessage", "Heartbeat")),
				command("data-transfer", Map.of("vendorId", "com.acme")),
				command("remote-start", Map.of("idTag", "TAG-1")),
				command("remote-stop", Map.of("transactionId", 42)),
				new Endpoint("create user", "POST", f -> "/api/v1/users",
						f -> Map.of("userId", "new-" + UUID.randomUUID().toString().substring(0, 8)), 201),
				new Endpoint("get user", "GET", f -> "/api/v1/users/" + f.userId(), f -> null, 200),
				new Endpoint("add idTag", "POST", f -> "/api/v1/users/" + f.userId() + "/id-tags",
						f -> Map.of("idTag", "X" + UUID.randomUUID().toString().substring(0, 8)), 201),
				new Endpoint("update idTag", "PUT", f -> "/api/v1/users/" + f.userId() + "/id-tags/" + f.idTag(),
						f -> Map.of("blocked", true), 200),
				new Endpoint("remove idTag", "DELETE", f -> "/api/v1/users/" + f.userId() + "/id-tags/" + f.idTag(),
						f -> null, 204),
				new Endpoint("add wallet", "POST", f -> "/api/v1/users/" + f.userId() + "/wallets",
						f -> Map.of("address", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "chain", "POLYGON"), 201),
				new Endpoint("remove wallet", "DELETE",
						f -> "/api/v1/users/" + f.userId() + "/wallets/ETHEREUM/" + f.wallet(), f -> null, 204));
	}

	/** The fixture's charger is not connected: an operator gets past security and learns it is offline. */
	private static Endpoint command(String command, Map<String, Object> body) {
		return new Endpoint("command " + command, "POST",
				f -> "/api/v1/chargers/" + f.chargerId() + "/commands/" + command, f -> body, 409);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operatorEndpoints")
	void refusesRequestsWithoutAValidTokenWith401AndABearerChallenge(Endpoint endpoint) {
		for (String token : new String[] { null, Tokens.expired(fixture.userId()), Tokens.wrongSignature(fixture.userId()),
				"not.a.jwt" }) {
			Api.Response response = call(endpoint, token);

			assertThat(response.status()).as("%s with token %s", endpoint, token).isEqualTo(401);
			assertThat(response.wwwAuthenticate()).startsWith("Bearer");
			assertProblem(response, "unauthorized");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operatorEndpoints")
	void refusesDriversWith403WhateverUserTheyAre(Endpoint endpoint) {
		for (String token : new String[] { Tokens.driver(fixture.userId()), Tokens.driver("someone-else") }) {
			Api.Response response = call(endpoint, token);

			assertThat(response.status()).as(endpoint.name()).isEqualTo(403);
			assertProblem(response, "forbidden");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operatorEndpoints")
	void servesOperators(Endpoint endpoint) {
		Api.Response response = call(endpoint, Tokens.operator());

		assertThat(response.status()).as("%s: %s", endpoint.name(), response.text()).isEqualTo(endpoint.operatorStatus());
	}

	private Api.Response call(Endpoint endpoint, String token) {
		return api.send(endpoint.method(), endpoint.path().apply(fixture), token, endpoint.body().apply(fixture));
	}

	static void assertProblem(Api.Response response, String type) {
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("type").asString()).isEqualTo("https://chargepay.io/problems/" + type);
		assertThat(response.body().get("status").asInt()).isEqualTo(response.status());
		assertThat(response.body().has("title")).isTrue();
		assertThat(response.body().has("detail")).isTrue();
	}
}
