package io.chargepay.csms.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.Rows;
import io.chargepay.csms.support.TestCharger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.node.ObjectNode;

/** StartTransaction, MeterValues and StopTransaction over a real connection, checked in the database. */
@CsmsIntegrationTest
class TransactionIntegrationTests {

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;
	@Autowired
	JdbcTemplate jdbc;

	Fleet fleet;
	String chargerId;
	String idTag;
	TestCharger charger;
	int startMeter;

	@BeforeEach
	void connect() {
		fleet = new Fleet(chargers, identity, balance);
		chargerId = fleet.newCharger();
		idTag = fleet.newDriverTag();
		charger = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY);
		startMeter = (int) (System.nanoTime() % 100_000);
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void startsATransactionForAnAcceptedTagAndStoresIt() {
		ObjectNode answer = start(idTag, startMeter, "2026-03-01T12:00:00Z");

		int transactionId = answer.get("transactionId").asInt();
		assertThat(transactionId).isPositive();
		assertThat(answer.get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
		Map<String, Object> session = session(transactionId);
		assertThat(session).containsEntry("charger_id", chargerId).containsEntry("id_tag", idTag)
				.containsEntry("user_id", fleet.userOf(idTag)).containsEntry("status", "ACTIVE")
				.containsEntry("authorization_status", "ACCEPTED");
		assertThat(((Number) session.get("meter_start_wh")).longValue()).isEqualTo(startMeter);
	}

	@Test
	void answersStartTransactionWithATransactionIdEvenForAnUnknownTagAndStoresIt() {
		ObjectNode answer = start("UNKNOWN-TAG-42", startMeter, "2026-03-01T12:00:00Z");

		assertThat(answer.get("idTagInfo").get("status").asString()).isEqualTo("Invalid");
		assertThat(answer.get("transactionId").asInt()).isPositive();
		assertThat(session(answer.get("transactionId").asInt())).containsEntry("authorization_status", "INVALID");
	}

	@Test
	void aRepeatedStartTransactionGetsTheSameIdAndStoresNothingNew() {
		int first = start(idTag, startMeter, "2026-03-01T12:00:00Z").get("transactionId").asInt();
		int repeat = start(idTag, startMeter, "2026-03-01T12:00:00.000Z").get("transactionId").asInt();

		assertThat(repeat).isEqualTo(first);
		assertThat(jdbc.queryForObject("select count(*) from charging_sessions where charger_id = ?", Integer.class,
				chargerId)).isEqualTo(1);
	}

	@Test
	void drawsTransactionIdsThatAreUniquePositiveAndNotSequential() {
		List<Integer> ids = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ids.add(start(idTag, startMeter + i, "2026-03-01T12:00:0" + i + "Z").get("transactionId").asInt());
		}

		assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id > 0);
		long consecutive = java.util.stream.IntStream.range(1, ids.size())
				.filter(i -> Math.abs((long) ids.get(i) - ids.get(i - 1)) <= 10).count();
		assertThat(consecutive).as("ids one could guess from the previous one: %s", ids).isZero();
	}

	@Test
	void refusesAStartOnConnectorZero() {
		assertThat(charger.call("StartTransaction", Map.of("connectorId", 0, "idTag", idTag, "meterStart", 0,
				"timestamp", "2026-03-01T12:00:00Z")).get(2).asString()).isEqualTo("PropertyConstraintViolation");
	}

	@Test
	void storesEverySampledValueWithItsFieldsAndNormalizesEnergyToWh() {
		int transactionId = start(idTag, startMeter, "2026-03-01T12:00:00Z").get("transactionId").asInt();

		charger.result("MeterValues", Map.of("connectorId", 1, "transactionId", transactionId, "meterValue", List.of(
				Map.of("timestamp", "2026-03-01T12:05:00.250+01:00", "sampledValue", List.of(
						Map.of("value", "12.345", "measurand", "Energy.Active.Import.Register", "unit", "kWh",
								"context", "Sample.Periodic", "location", "Outlet", "format", "Raw"),
						Map.of("value", "7200.5", "measurand", "Power.Active.Import", "unit", "W", "phase", "L1"),
						Map.of("value", "12400"))))));

		List<Map<String, Object>> rows = jdbc.queryForList(
				"select * from meter_values where charger_id = ? order by id", chargerId);
		assertThat(rows).hasSize(3);
		assertThat(rows).allSatisfy(row -> {
			assertThat(row.get("session_id")).isEqualTo(session(transactionId).get("id"));
			assertThat(((Number) row.get("transaction_id")).intValue()).isEqualTo(transactionId);
			assertThat(Rows.instant(row.get("sampled_at"))).isEqualTo(Instant.parse("2026-03-01T11:05:00.250Z"));
		});
		assertThat(rows.get(0)).containsEntry("unit", "kWh").containsEntry("raw_value", "12.345");
		assertThat((BigDecimal) rows.get(0).get("value_wh")).isEqualByComparingTo("12345");
		assertThat(rows.get(1)).containsEntry("measurand", "Power.Active.Import").containsEntry("phase", "L1")
				.containsEntry("value_wh", null);
		assertThat((BigDecimal) rows.get(1).get("numeric_value")).isEqualByComparingTo("7200.5");
		// Absent fields take the defaults of OCPP 1.6 §7.43.
		assertThat(rows.get(2)).containsEntry("measurand", "Energy.Active.Import.Register").containsEntry("unit", "Wh")
				.containsEntry("context", "Sample.Periodic").containsEntry("location", "Outlet")
				.containsEntry("format", "Raw");
		assertThat((BigDecimal) rows.get(2).get("value_wh")).isEqualByComparingTo("12400");
	}

	@Test
	void endsTheTransactionWithMeterStopReasonEnergyAndTransactionData() {
		int transactionId = start(idTag, startMeter, "2026-03-01T12:00:00Z").get("transactionId").asInt();

		ObjectNode answer = charger.result("StopTransaction", Map.of("transactionId", transactionId, "idTag", idTag,
				"meterStop", startMeter + 7_500, "timestamp", "2026-03-01T12:30:00Z", "reason", "EVDisconnected",
				"transactionData", List.of(Map.of("timestamp", "2026-03-01T12:30:00Z", "sampledValue",
						List.of(Map.of("value", String.valueOf(startMeter + 7_500), "context", "Transaction.End"))))));

		assertThat(answer.get("idTagInfo").get("status").asString()).isEqualTo("Accepted");
		Map<String, Object> session = session(transactionId);
		assertThat(session).containsEntry("status", "COMPLETED").containsEntry("stop_reason", "EVDisconnected")
				.containsEntry("stop_id_tag", idTag);
		assertThat(((Number) session.get("energy_wh")).longValue()).isEqualTo(7_500);
		assertThat(((Number) session.get("meter_stop_wh")).longValue()).isEqualTo(startMeter + 7_500);
		assertThat(jdbc.queryForObject("select context from meter_values where session_id = ?", String.class,
				session.get("id"))).isEqualTo("Transaction.End");
	}

	@Test
	void leavesIdTagInfoOutOfTheStopAnswerWhenTheStopCarriesNoIdTag() {
		int transactionId = start(idTag, startMeter, "2026-03-01T12:00:00Z").get("transactionId").asInt();

		ObjectNode answer = charger.result("StopTransaction", Map.of("transactionId", transactionId,
				"meterStop", startMeter + 10, "timestamp", "2026-03-01T12:30:00Z"));

		assertThat(answer.has("idTagInfo")).isFalse();
		assertThat(session(transactionId)).containsEntry("stop_reason", "Local");
	}

	@Test
	void quarantinesStopsForUnknownInvalidOrForeignTransactionsAndChangesNothing() {
		String otherChargerId = fleet.newCharger();
		int foreign;
		try (TestCharger other = TestCharger.connect(port, otherChargerId, Fleet.CHARGER_KEY)) {
			foreign = other.result("StartTransaction", Map.of("connectorId", 1, "idTag", idTag, "meterStart", 0,
					"timestamp", "2026-03-01T12:00:00Z")).get("transactionId").asInt();
		}

		for (int transactionId : new int[] { foreign, -1, 0, 2_000_000_001 }) {
			ObjectNode answer = charger.result("StopTransaction", Map.of("transactionId", transactionId,
					"meterStop", 99, "timestamp", "2026-03-01T12:30:00Z"));
			assertThat(answer.isEmpty()).isTrue();
		}

		assertThat(session(foreign)).containsEntry("status", "ACTIVE");
		assertThat(jdbc.queryForObject("select count(*) from quarantined_messages where charger_id = ?", Integer.class,
				chargerId)).isEqualTo(4);
	}

	@Test
	void aRepeatedStopChangesNothing() {
		int transactionId = start(idTag, startMeter, "2026-03-01T12:00:00Z").get("transactionId").asInt();
		Map<String, Object> stop = Map.of("transactionId", transactionId, "meterStop", startMeter + 100,
				"timestamp", "2026-03-01T12:30:00Z", "reason", "Local");
		charger.result("StopTransaction", stop);
		// The payment module links the session to its payment link right after the stop: let that happen first.
		Awaitility.await().until(() -> session(transactionId).get("payment_link_id") != null);
		Map<String, Object> afterFirst = session(transactionId);

		charger.result("StopTransaction", Map.of("transactionId", transactionId, "meterStop", startMeter + 999,
				"timestamp", "2026-03-01T12:45:00Z", "reason", "Other"));

		assertThat(session(transactionId)).isEqualTo(afterFirst);
		assertThat(jdbc.queryForObject("select count(*) from quarantined_messages where charger_id = ?", Integer.class,
				chargerId)).isZero();
	}

	@Test
	void flagsAMeterThatRanBackwardsAndBillsNoEnergyFromIt() {
		int transactionId = start(idTag, 50_000, "2026-03-01T12:00:00Z").get("transactionId").asInt();

		charger.result("StopTransaction", Map.of("transactionId", transactionId, "meterStop", 49_000,
				"timestamp", "2026-03-01T12:30:00Z"));

		Map<String, Object> session = session(transactionId);
		assertThat(session).containsEntry("status", "COMPLETED").containsEntry("energy_wh", null);
		assertThat(((Number) session.get("meter_stop_wh")).longValue()).isEqualTo(49_000);
		assertThat(session.get("meter_anomaly")).isIn(true, 1, (byte) 1);
	}

	@Test
	void readsTimestampsWithOrWithoutFractionsAndWithNumericOffsets() {
		int withOffset = start(idTag, 1, "2026-03-01T14:00:00+02:00").get("transactionId").asInt();
		int withNanos = start(idTag, 2, "2026-03-01T12:00:00.123456789Z").get("transactionId").asInt();

		assertThat(Rows.instant(session(withOffset).get("started_at")))
				.isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
		assertThat(Rows.instant(session(withNanos).get("started_at")))
				.isEqualTo(Instant.parse("2026-03-01T12:00:00.123Z"));
	}

	private ObjectNode start(String tag, int meterStart, String timestamp) {
		return charger.result("StartTransaction",
				Map.of("connectorId", 1, "idTag", tag, "meterStart", meterStart, "timestamp", timestamp));
	}

	private Map<String, Object> session(int transactionId) {
		return jdbc.queryForMap("select * from charging_sessions where transaction_id = ?", transactionId);
	}
}
