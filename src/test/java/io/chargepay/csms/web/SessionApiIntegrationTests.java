package io.chargepay.csms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

@CsmsIntegrationTest
class SessionApiIntegrationTests {

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
	SessionService sessions;

	@Test
	void showsASessionToItsOwnerAndOperatorsOnly() {
		Fleet fleet = new Fleet(chargers, identity, balance);
		String chargerId = fleet.newCharger();
		String idTag = fleet.newDriverTag();
		int transactionId;
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY)) {
			transactionId = charger.result("StartTransaction", Map.of("connectorId", 1, "idTag", idTag, "meterStart", 0,
					"timestamp", "2026-05-01T10:00:00Z")).get("transactionId").asInt();
		}
		String sessionId = sessions.findByTransaction(chargerId, transactionId).orElseThrow().sessionId();
		Api api = new Api(port);

		Api.Response owner = api.get("/api/v1/session/" + sessionId, Tokens.driver(fleet.userOf(idTag)));
		assertThat(owner.status()).isEqualTo(200);
		assertThat(owner.body().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(owner.body().get("transactionId").asInt()).isEqualTo(transactionId);
		assertThat(api.get("/api/v1/session/" + sessionId, Tokens.operator()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/session/" + sessionId, Tokens.driver("someone-else")).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/session/" + sessionId, null).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/session/no-such-session", Tokens.operator()).status()).isEqualTo(404);
	}

	@Test
	void listsSessionsWithoutAUserForOperators() {
		Fleet fleet = new Fleet(chargers, identity, balance);
		String chargerId = fleet.newCharger();
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY)) {
			charger.result("StartTransaction", Map.of("connectorId", 1, "idTag", "STRANGER-TAG", "meterStart", 0,
					"timestamp", "2026-05-01T10:00:00Z"));
		}
		Api api = new Api(port);

		Api.Response unassigned = api.get("/api/v1/sessions?unassigned=true&size=100", Tokens.operator());

		assertThat(unassigned.status()).isEqualTo(200);
		assertThat(unassigned.body().get("items").valueStream()
				.anyMatch(session -> session.get("chargerId").asString().equals(chargerId))).isTrue();
		assertThat(unassigned.body().get("items").valueStream().allMatch(session -> session.get("userId").isNull()))
				.isTrue();
		assertThat(api.get("/api/v1/sessions", Tokens.driver("someone")).status()).isEqualTo(403);
	}
}
