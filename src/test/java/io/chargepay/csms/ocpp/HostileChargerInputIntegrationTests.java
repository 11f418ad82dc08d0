package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.support.Charging;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ArrayNode;

/**
 * Messages that are valid by the schema (or nearly) but hostile in their values: each is answered with what OCPP asks
 * for, stored without harm, and leaves the connection able to go on (issue 16, §3).
 */
@CsmsIntegrationTest
class HostileChargerInputIntegrationTests {

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;
	@Autowired
	SessionService sessions;
	@Autowired
	JdbcTemplate jdbc;

	Fleet fleet;
	String chargerId;
	TestCharger charger;
	Charging charging;

	@BeforeEach
	void connect() {
		fleet = new Fleet(chargers, identity, balance);
		chargerId = fleet.newCharger();
		charger = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY);
		charging = new Charging(charger, chargerId, sessions);
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void aSampledValueWithAnAbsurdExponentIsStoredAsTextFlaggedAndTheChargerGoesOn() {
		// Written out in full this number has a billion digits: it once ran the CSMS out of heap.
		charger.result("MeterValues", meterValues(0, "1E+1000000000", "Energy.Active.Import.Register"));

		assertThat(meterRow()).containsEntry("raw_value", "1E+1000000000").containsEntry("numeric_value", null)
				.containsEntry("value_wh", null).containsEntry("value_flag", "OUT_OF_RANGE");
		assertThat(charger.result("Heartbeat", Map.of()).has("currentTime")).isTrue();
	}

	@Test
	void valuesThatDoNotFitTheColumnOrAreNotNumbersAreFlaggedAndAnswered() {
		List.of("1234567890123456789", "0.0000001", "1E-1000000000", "12,5", "NaN", "Infinity").forEach(value ->
				charger.result("MeterValues", meterValues(0, value, "Power.Active.Import")));

		assertThat(jdbc.queryForList("select raw_value, value_flag from meter_values where charger_id = ? "
				+ "and numeric_value is null order by id", chargerId))
				.extracting(row -> row.get("raw_value") + "=" + row.get("value_flag"))
				.containsExactly("1234567890123456789=OUT_OF_RANGE", "0.0000001=OUT_OF_RANGE",
						"1E-1000000000=OUT_OF_RANGE", "12,5=NOT_A_NUMBER", "NaN=NOT_A_NUMBER", "Infinity=NOT_A_NUMBER");
	}

	@Test
	void theLargestValueThatFitsIsStoredAsANumberInWattHours() {
		charger.result("MeterValues", Map.of("connectorId", 1, "meterValue", List.of(Map.of(
				"timestamp", Instant.now().toString(), "sampledValue", List.of(Map.of(
						"value", "999999999999999999.999999", "unit", "kWh")))))); 

		Map<String, Object> row = meterRow();
		assertThat(row.get("value_flag")).isNull();
		assertThat(row.get("numeric_value").toString()).isEqualTo("999999999999999999.999999");
		assertThat(row.get("value_wh").toString()).isEqualTo("999999999999999999999.999");
	}

	@Test
	void aNegativeEnergyRegisterIsNotStoredAsANumber() {
		charger.result("MeterValues", meterValues(0, "-5", "Energy.Active.Import.Register"));

		assertThat(meterRow()).containsEntry("numeric_value", null).containsEntry("value_flag", "NEGATIVE_REGISTER");
	}

	@Test
	void rawTextLongerThanItsColumnIsCutAndFlagged() {
		String signed = "A".repeat(10_000);
		charger.result("MeterValues", Map.of("connectorId", 1, "meterValue", List.of(Map.of("timestamp",
				Instant.now().toString(), "sampledValue", List.of(Map.of("value", signed, "format", "SignedData"))))));

		Map<String, Object> row = meterRow();
		assertThat(row.get("raw_value").toString()).hasSize(4000);
		assertThat(row).containsEntry("value_flag", "TRUNCATED");
	}

	@Test
	void aStatusDatedFarInTheFutureDoesNotOutrankTheReportsThatFollowIt() {
		charger.result("StatusNotification", Map.of("connectorId", 1, "errorCode", "NoError", "status", "Faulted",
				"timestamp", "2099-01-01T00:00:00Z"));
		charger.result("StatusNotification", Map.of("connectorId", 1, "errorCode", "NoError", "status", "Available",
				"timestamp", Instant.now().plusSeconds(1).toString()));

		assertThat(jdbc.queryForObject("select status from connectors where charger_id = ? and connector_id = 1",
				String.class, chargerId)).isEqualTo("Available");
		LocalDateTime statusAt = jdbc.queryForObject(
				"select status_at from connectors where charger_id = ? and connector_id = 1", LocalDateTime.class,
				chargerId);
		assertThat(statusAt.toInstant(ZoneOffset.UTC)).isBefore(Instant.now().plus(1, ChronoUnit.HOURS));
	}

	@Test
	void aMeterValueDatedFarInTheFutureIsStoredAsOfItsArrival() {
		charger.result("MeterValues", Map.of("connectorId", 1, "meterValue", List.of(Map.of(
				"timestamp", "2099-01-01T00:00:00Z", "sampledValue", List.of(Map.of("value", "10"))))));

		LocalDateTime sampledAt = jdbc.queryForObject(
				"select sampled_at from meter_values where charger_id = ?", LocalDateTime.class, chargerId);
		assertThat(sampledAt.toInstant(ZoneOffset.UTC)).isBefore(Instant.now().plus(1, ChronoUnit.HOURS));
	}

	@Test
	void aTimestampBefore1970IsRefusedAsAPropertyViolationNotAnInternalError() {
		ArrayNode answer = charger.call("StartTransaction", Map.of("connectorId", 1, "idTag", fleet.newDriverTag(),
				"meterStart", 0, "timestamp", "0001-01-01T00:00:00Z"));

		assertThat(answer.get(0).asInt()).isEqualTo(4);
		assertThat(answer.get(2).asString()).isEqualTo("PropertyConstraintViolation");
	}

	@Test
	void hugeJsonNumbersInIntegerFieldsAreRefusedAsTypeViolations() {
		for (String payload : List.of(
				"{\"connectorId\":1,\"idTag\":\"X\",\"meterStart\":1e999999999,\"timestamp\":\"2026-01-01T00:00:00Z\"}",
				"{\"connectorId\":1,\"idTag\":\"X\",\"meterStart\":" + "9".repeat(900) + ",\"timestamp\":\"2026-01-01T00:00:00Z\"}",
				"{\"connectorId\":99999999999999999999,\"idTag\":\"X\",\"meterStart\":0,\"timestamp\":\"2026-01-01T00:00:00Z\"}")) {
			ArrayNode answer = charger.callJson("StartTransaction", payload);
			assertThat(answer.get(0).asInt()).as(payload).isEqualTo(4);
			assertThat(answer.get(2).asString()).as(payload).isNotEqualTo("InternalError");
		}
		assertThat(charger.result("Heartbeat", Map.of()).has("currentTime")).isTrue();
	}

	@Test
	void aMeterThatRanBackwardsHoldsTheSessionAcknowledgesTheStopAndReleasesTheHold() {
		String idTag = fleet.newDriverTag();
		int transactionId = charging.start(idTag, 5_000);

		charging.stop(transactionId, 4_000);

		Map<String, Object> session = session(transactionId);
		assertThat(session).containsEntry("status", "COMPLETED").containsEntry("meter_anomaly", true)
				.containsEntry("billing_hold", true).containsEntry("energy_wh", null);
		assertThat(reservationReleased(session)).isTrue();
	}

	@Test
	void anAbsurdEnergyHoldsTheSessionInsteadOfBillingIt() {
		String idTag = fleet.newDriverTag();
		int transactionId = charging.start(idTag, 0);

		charging.stop(transactionId, Long.MAX_VALUE);

		Map<String, Object> session = session(transactionId);
		assertThat(session).containsEntry("status", "COMPLETED").containsEntry("meter_anomaly", true)
				.containsEntry("billing_hold", true).containsEntry("amount_minor", null);
		assertThat(reservationReleased(session)).isTrue();
	}

	@Test
	void aNegativeMeterStartIsNeverBilledFrom() {
		int transactionId = charging.start(fleet.newDriverTag(), -1_000_000);

		charging.stop(transactionId, 1_000);

		assertThat(session(transactionId)).containsEntry("meter_anomaly", true).containsEntry("energy_wh", null);
	}

	private Map<String, Object> meterValues(int connectorId, String value, String measurand) {
		return Map.of("connectorId", connectorId, "meterValue", List.of(Map.of("timestamp", Instant.now().toString(),
				"sampledValue", List.of(Map.of("value", value, "measurand", measurand)))));
	}

	private Map<String, Object> meterRow() {
		return jdbc.queryForMap("select * from meter_values where charger_id = ? order by id desc limit 1", chargerId);
	}

	private Map<String, Object> session(int transactionId) {
		return jdbc.queryForMap("select * from charging_sessions where charger_id = ? and transaction_id = ?",
				chargerId, transactionId);
	}

	private boolean reservationReleased(Map<String, Object> session) {
		Object checkId = session.get("balance_check_id");
		assertThat(checkId).as("the session's balance check").isNotNull();
		return jdbc.queryForObject("select released_at is not null from wallet_reservations where balance_check_id = ?",
				Boolean.class, checkId);
	}
}
