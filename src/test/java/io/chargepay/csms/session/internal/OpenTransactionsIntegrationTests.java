package io.chargepay.csms.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which session a MeterValues belongs to, from memory while its transaction is open, else from the database. */
@CsmsIntegrationTest
class OpenTransactionsIntegrationTests {

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;
	@Autowired
	OpenTransactions openTransactions;
	@Autowired
	ChargingSessionRepository sessions;
	@Autowired
	JdbcTemplate jdbc;

	String chargerId;
	String idTag;
	TestCharger charger;

	@BeforeEach
	void connect() {
		Fleet fleet = new Fleet(chargers, identity, balance);
		chargerId = fleet.newCharger();
		idTag = fleet.newDriverTag();
		charger = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY);
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void remembersATransactionFromItsStartUntilItsStopAndItsMeterValuesKeepTheirSessionAfterward() {
		int transactionId = start();
		assertThat(openTransactions.remembers(chargerId, transactionId)).isTrue();
		meterValues(transactionId, "100");

		charger.result("StopTransaction", Map.of("transactionId", transactionId, "meterStop", 200,
				"timestamp", "2026-03-01T12:30:00Z"));
		assertThat(openTransactions.remembers(chargerId, transactionId)).isFalse();
		// A late MeterValues (sent before the stop, delivered after it) is still the session's.
		meterValues(transactionId, "150");

		String sessionId = sessionOf(transactionId);
		assertThat(jdbc.queryForList("select session_id from meter_values where transaction_id = ? "
				+ "and context = 'Sample.Periodic'", String.class, transactionId)).containsExactly(sessionId, sessionId);
		assertThat(openTransactions.remembers(chargerId, transactionId)).as("a closed transaction is not re-learnt")
				.isFalse();
	}

	@Test
	void afterARestartFindsAnOpenTransactionInTheDatabaseAndRemembersIt() {
		int transactionId = start();
		OpenTransactions afterRestart = new OpenTransactions(sessions);

		assertThat(afterRestart.remembers(chargerId, transactionId)).isFalse();
		assertThat(afterRestart.sessionId(chargerId, transactionId)).contains(sessionOf(transactionId));
		assertThat(afterRestart.remembers(chargerId, transactionId)).isTrue();
	}

	@Test
	void findsNoSessionForAnUnknownTransactionOrAnotherChargersAndRemembersNothing() {
		int transactionId = start();

		assertThat(openTransactions.sessionId("no-such-charger", transactionId)).isEmpty();
		assertThat(openTransactions.sessionId(chargerId, transactionId + 1)).isEmpty();
		assertThat(openTransactions.remembers("no-such-charger", transactionId)).isFalse();
		assertThat(openTransactions.remembers(chargerId, transactionId + 1)).isFalse();
	}

	private int start() {
		return charger.result("StartTransaction", Map.of("connectorId", 1, "idTag", idTag, "meterStart", 0,
				"timestamp", "2026-03-01T12:00:00Z")).get("transactionId").asInt();
	}

	private void meterValues(int transactionId, String wh) {
		charger.result("MeterValues", Map.of("connectorId", 1, "transactionId", transactionId, "meterValue",
				List.of(Map.of("timestamp", "2026-03-01T12:05:00Z", "sampledValue", List.of(Map.of("value", wh))))));
	}

	private String sessionOf(int transactionId) {
		return jdbc.queryForObject("select id from charging_sessions where transaction_id = ?", String.class,
				transactionId);
	}
}
