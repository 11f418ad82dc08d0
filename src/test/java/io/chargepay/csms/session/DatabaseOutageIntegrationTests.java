package io.chargepay.csms.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TcpProxy;
import io.chargepay.csms.support.TestDatabase;
import io.chargepay.csms.support.TestCharger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ArrayNode;

/**
 * Transaction messages are acknowledged only once committed: with the database gone, the charger gets InternalError
 * and keeps the message to send again (OCPP 1.6 §3.7); the retry then lands exactly once.
 */
@CsmsIntegrationTest
@EnabledIf(value = "io.chargepay.csms.support.TestDatabase#isServerDatabase",
		disabledReason = "needs a database server (CSMS_TEST_DATASOURCE_URL or Docker); H2 cannot be cut and restored")
@TestPropertySource(properties = { "csms.test.database-proxy=true", "spring.datasource.hikari.connection-timeout=1500",
		"spring.datasource.hikari.validation-timeout=1000" })
class DatabaseOutageIntegrationTests {

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;
	@Autowired
	TestDatabase.DirectDatabase direct;
	@Autowired
	TcpProxy databaseProxy;

	@Test
	void answersInternalErrorWhileTheDatabaseIsDownAndStoresTheRetryExactlyOnce() {
		Fleet fleet = new Fleet(chargers, identity, balance);
		String chargerId = fleet.newCharger();
		String idTag = fleet.newDriverTag();
		Map<String, Object> start = Map.of("connectorId", 1, "idTag", idTag, "meterStart", 1000,
				"timestamp", "2026-04-01T08:00:00Z");

		try (TestCharger charger = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY)) {
			int transactionId = charger.result("StartTransaction", start).get("transactionId").asInt();
			Map<String, Object> stop = Map.of("transactionId", transactionId, "meterStop", 4000,
					"timestamp", "2026-04-01T09:00:00Z", "reason", "Local");

			databaseProxy.cut();
			ArrayNode duringOutage = charger.call("StopTransaction", stop);
			databaseProxy.restore();

			assertThat(duringOutage.get(0).asInt()).isEqualTo(4);
			assertThat(duringOutage.get(2).asString()).isEqualTo("InternalError");
			assertThat(sessionStatus(transactionId)).isEqualTo("ACTIVE");

			retryUntilAccepted(charger, "StopTransaction", stop);

			assertThat(sessionStatus(transactionId)).isEqualTo("COMPLETED");
			assertThat(direct.jdbc().queryForObject("select energy_wh from charging_sessions where transaction_id = ?",
					Long.class, transactionId)).isEqualTo(3000);
			assertThat(direct.jdbc().queryForObject("select count(*) from charging_sessions where charger_id = ?", Integer.class,
					chargerId)).isEqualTo(1);
		}
	}

	@Test
	void aStartTransactionLostToTheOutageIsStoredOnceWhenRetried() {
		Fleet fleet = new Fleet(chargers, identity, balance);
		String chargerId = fleet.newCharger();
		Map<String, Object> start = Map.of("connectorId", 2, "idTag", fleet.newDriverTag(), "meterStart", 0,
				"timestamp", "2026-04-01T10:00:00Z");

		try (TestCharger charger = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY)) {
			databaseProxy.cut();
			ArrayNode duringOutage = charger.call("StartTransaction", start);
			databaseProxy.restore();
			ArrayNode retry = retryUntilAccepted(charger, "StartTransaction", start);
			ArrayNode repeat = charger.call("StartTransaction", start);

			assertThat(duringOutage.get(2).asString()).isEqualTo("InternalError");
			assertThat(retry.get(2).get("transactionId").asInt()).isEqualTo(repeat.get(2).get("transactionId").asInt());
			assertThat(direct.jdbc().queryForObject("select count(*) from charging_sessions where charger_id = ?", Integer.class,
					chargerId)).isEqualTo(1);
		}
	}

	@Test
	void meterValuesAndAStatusLostToTheOutageAreStoredOnceWhenRetried() {
		String chargerId = new Fleet(chargers, identity, balance).newCharger();
		Map<String, Object> meterValues = Map.of("connectorId", 1, "meterValue", List.of(Map.of(
				"timestamp", "2026-04-01T11:00:00Z", "sampledValue", List.of(Map.of("value", "1234")))));
		Map<String, Object> status = Map.of("connectorId", 1, "errorCode", "NoError", "status", "Charging",
				"timestamp", "2026-04-01T11:00:00Z");

		try (TestCharger charger = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY)) {
			databaseProxy.cut();
			ArrayNode meterValuesDuringOutage = charger.call("MeterValues", meterValues);
			ArrayNode statusDuringOutage = charger.call("StatusNotification", status);
			databaseProxy.restore();
			retryUntilAccepted(charger, "MeterValues", meterValues);
			retryUntilAccepted(charger, "StatusNotification", status);

			assertThat(meterValuesDuringOutage.get(2).asString()).isEqualTo("InternalError");
			assertThat(statusDuringOutage.get(2).asString()).isEqualTo("InternalError");
			assertThat(direct.jdbc().queryForObject("select count(*) from meter_values where charger_id = ?",
					Integer.class, chargerId)).isEqualTo(1);
			assertThat(direct.jdbc().queryForObject("select count(*) from connector_status_history where charger_id = ?",
					Integer.class, chargerId)).isEqualTo(1);
			assertThat(direct.jdbc().queryForObject("select status from connectors where charger_id = ?",
					String.class, chargerId)).isEqualTo("Charging");
		}
	}

	/**
	 * Retries as a charger does (OCPP 1.6 §3.7) until the message is accepted: right after the database returns, the
	 * pool may still hand out a connection that died with the outage before it notices.
	 */
	private static ArrayNode retryUntilAccepted(TestCharger charger, String action, Map<String, Object> payload) {
		AtomicReference<ArrayNode> answer = new AtomicReference<>();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
			answer.set(charger.call(action, payload));
			return answer.get().get(0).asInt() == 3;
		});
		return answer.get();
	}

	private String sessionStatus(int transactionId) {
		return direct.jdbc().queryForObject("select status from charging_sessions where transaction_id = ?", String.class,
				transactionId);
	}
}
