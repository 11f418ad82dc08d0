package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

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
import tools.jackson.databind.node.ObjectNode;

/** Charger-initiated Core profile messages other than transactions, and what they leave in the database. */
@CsmsIntegrationTest
class CoreProfileIntegrationTests {

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
	TestCharger charger;

	@BeforeEach
	void connect() {
		fleet = new Fleet(chargers, identity, balance);
		chargerId = fleet.newCharger();
		charger = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY);
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void storesTheBootNotificationAndAnswersAcceptedWithTheConfiguredInterval() {
		ObjectNode answer = charger.result("BootNotification", Map.of("chargePointVendor", "ACME",
				"chargePointModel", "Volt-22", "chargePointSerialNumber", "SN-1", "chargeBoxSerialNumber", "CB-1",
				"firmwareVersion", "1.2.3", "iccid", "8944", "imsi", "2620", "meterType", "EM-1",
				"meterSerialNumber", "MS-1"));

		assertThat(answer.get("status").asString()).isEqualTo("Accepted");
		assertThat(answer.get("interval").asInt()).isEqualTo(120);
		assertThat(Instant.parse(answer.get("currentTime").asString())).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
		Map<String, Object> row = jdbc.queryForMap("select * from chargers where id = ?", chargerId);
		assertThat(row).containsEntry("vendor", "ACME").containsEntry("model", "Volt-22")
				.containsEntry("serial_number", "SN-1").containsEntry("charge_box_serial_number", "CB-1")
				.containsEntry("firmware_version", "1.2.3").containsEntry("iccid", "8944").containsEntry("imsi", "2620")
				.containsEntry("meter_type", "EM-1").containsEntry("meter_serial_number", "MS-1");
		assertThat(row.get("last_boot_at")).isNotNull();
	}

	@Test
	void recordsTheHeartbeatAsLastSeen() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		charger.result("Heartbeat", Map.of());

		// Stored with the next batch of sightings (ChargerSightingsIntegrationTests); shown at once.
		assertThat(chargers.find(chargerId).orElseThrow().lastSeenAt()).isAfterOrEqualTo(before);
	}

	@Test
	void keepsTheCurrentConnectorStatusAndItsHistory() {
		charger.result("StatusNotification", Map.of("connectorId", 1, "errorCode", "NoError", "status", "Available",
				"timestamp", "2026-01-01T10:00:00Z"));
		charger.result("StatusNotification", Map.of("connectorId", 1, "errorCode", "GroundFailure", "status",
				"Faulted", "info", "RCD tripped", "vendorId", "ACME", "vendorErrorCode", "E42",
				"timestamp", "2026-01-01T11:05:00.123+01:00"));
		// Replayed late after a reconnect: older than what we know, so history only.
		charger.result("StatusNotification", Map.of("connectorId", 1, "errorCode", "NoError", "status", "Preparing",
				"timestamp", "2026-01-01T08:59:00Z"));
		charger.result("StatusNotification", Map.of("connectorId", 0, "errorCode", "NoError", "status", "Available"));

		Map<String, Object> connector = jdbc.queryForMap(
				"select * from connectors where charger_id = ? and connector_id = 1", chargerId);
		assertThat(connector).containsEntry("status", "Faulted").containsEntry("error_code", "GroundFailure")
				.containsEntry("info", "RCD tripped").containsEntry("vendor_id", "ACME")
				.containsEntry("vendor_error_code", "E42");
		assertThat(jdbc.queryForObject("select count(*) from connector_status_history where charger_id = ?",
				Integer.class, chargerId)).isEqualTo(4);
		assertThat(jdbc.queryForObject(
				"select status from connectors where charger_id = ? and connector_id = 0", String.class, chargerId))
				.isEqualTo("Available");
	}

	@Test
	void aNewerStatusReplacesEveryFieldOfTheOlderOneIncludingThoseItLeavesOut() {
		charger.result("StatusNotification", Map.of("connectorId", 2, "errorCode", "GroundFailure", "status",
				"Faulted", "info", "RCD tripped", "vendorId", "ACME", "vendorErrorCode", "E42",
				"timestamp", "2026-01-01T10:00:00Z"));
		charger.result("StatusNotification", Map.of("connectorId", 2, "errorCode", "NoError", "status", "Available",
				"timestamp", "2026-01-01T10:00:00.001Z"));

		Map<String, Object> connector = jdbc.queryForMap(
				"select * from connectors where charger_id = ? and connector_id = 2", chargerId);
		assertThat(connector).containsEntry("status", "Available").containsEntry("error_code", "NoError")
				.containsEntry("info", null).containsEntry("vendor_id", null).containsEntry("vendor_error_code", null);
		assertThat(jdbc.queryForObject("select status_at from connectors where charger_id = ? and connector_id = 2",
				LocalDateTime.class, chargerId)).isEqualTo(LocalDateTime.parse("2026-01-01T10:00:00.001"));
	}

	@Test
	void storesTheFirstStatusReportsOfManyChargersArrivingAtOnce() throws Exception {
		// Adjacent ids put their connectors' first rows into one index gap, where a locking read before the INSERT
		// (an UPDATE of the missing row) makes concurrent first reports deadlock.
		String prefix = "CP-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<String> ids = IntStream.range(0, 12).mapToObj(i -> prefix + "%02d".formatted(i)).toList();
		ids.forEach(id -> chargers.register(id, Fleet.CHARGER_KEY));
		List<TestCharger> fleetAtOnce = ids.stream().map(id -> TestCharger.connect(port, id, Fleet.CHARGER_KEY)).toList();
		ExecutorService senders = Executors.newFixedThreadPool(ids.size());
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<List<Integer>>> answers = fleetAtOnce.stream()
					.map(each -> senders.submit(() -> {
						go.await();
						return IntStream.of(0, 1).mapToObj(connector -> each.call("StatusNotification",
								Map.of("connectorId", connector, "errorCode", "NoError", "status", "Available"))
								.get(0).asInt()).toList();
					}))
					.toList();
			go.countDown();

			for (Future<List<Integer>> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS)).as("CALLRESULTs").containsExactly(3, 3);
			}
			assertThat(jdbc.queryForObject("select count(*) from connectors where charger_id like ?", Integer.class,
					prefix + "%")).isEqualTo(2 * ids.size());
		}
		finally {
			senders.shutdownNow();
			fleetAtOnce.forEach(TestCharger::close);
		}
	}

	@Test
	void refusesANegativeConnectorId() {
		assertThat(charger.call("StatusNotification",
				Map.of("connectorId", -1, "errorCode", "NoError", "status", "Available")).get(2).asString())
				.isEqualTo("PropertyConstraintViolation");
	}

	@Test
	void authorizesKnownTagsAndRefusesUnknownBlockedAndExpiredOnes() {
		String accepted = fleet.newDriverTag();
		String blocked = fleet.newDriverTag();
		identity.blockIdTag(blocked, true);
		String expired = fleet.newDriverTag();
		identity.setIdTagExpiry(expired, Instant.now().minus(1, ChronoUnit.HOURS));
		String future = fleet.newDriverTag();
		Instant expiry = Instant.parse("2099-01-01T00:00:00Z");
		identity.setIdTagExpiry(future, expiry);

		assertThat(authorize(accepted).get("status").asString()).isEqualTo("Accepted");
		assertThat(authorize("NOBODY-KNOWS-ME").get("status").asString()).isEqualTo("Invalid");
		assertThat(authorize(blocked).get("status").asString()).isEqualTo("Blocked");
		assertThat(authorize(expired).get("status").asString()).isEqualTo("Expired");
		ObjectNode futureInfo = authorize(future);
		assertThat(futureInfo.get("status").asString()).isEqualTo("Accepted");
		assertThat(futureInfo.get("expiryDate").asString()).isEqualTo("2099-01-01T00:00:00Z");
	}

	@Test
	void storesDataTransfersAndAnswersUnknownVendorId() {
		ObjectNode answer = charger.result("DataTransfer",
				Map.of("vendorId", "com.acme", "messageId", "diag", "data", "{\"temp\":41}"));

		assertThat(answer.get("status").asString()).isEqualTo("UnknownVendorId");
		assertThat(jdbc.queryForMap("select vendor_id, message_id, data from charger_data_transfers where charger_id = ?",
				chargerId)).containsEntry("vendor_id", "com.acme").containsEntry("message_id", "diag")
				.containsEntry("data", "{\"temp\":41}");
	}

	private ObjectNode authorize(String idTag) {
		return (ObjectNode) charger.result("Authorize", Map.of("idTag", idTag)).get("idTagInfo");
	}

}
