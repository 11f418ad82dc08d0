package io.chargepay.csms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * SecurityEventNotification (OCPP 1.6 security whitepaper): answered with an empty CALLRESULT, stored with its history,
 * shown to operators newest first and page by page, and counted by type; what a charger cannot be trusted with (an
 * unbounded type label, a time far ahead, one before 1970, an oversized field) neither grows the metrics nor reaches
 * the table: the time is replaced by the arrival, the rest refused with PropertyConstraintViolation.
 */
@CsmsIntegrationTest
class SecurityEventsApiIntegrationTests {

	private static final String KEY = "security-events-key-0001";

	@LocalServerPort
	int port;
	@Value("${local.ocpp.port}")
	int ocppPort;
	@Autowired
	ChargerService chargers;
	@Autowired
	MeterRegistry meters;

	Api api;
	String chargerId;

	@BeforeEach
	void prepare() {
		api = new Api(port);
		chargerId = "SEC-" + UUID.randomUUID().toString().substring(0, 8);
		chargers.register(chargerId, KEY);
	}

	@Test
	void storesEveryEventAndShowsThemNewestFirstInPages() {
		double tampersBefore = counted("TamperDetectionActivated");
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, KEY)) {
			assertThat(charger.result("SecurityEventNotification",
					Map.of("type", "StartupOfTheDevice", "timestamp", "2026-12-04T10:00:00.000Z"))).isEmpty();
			assertThat(charger.result("SecurityEventNotification", Map.of("type", "TamperDetectionActivated",
					"timestamp", "2026-12-04T10:05:00.000Z", "techInfo", "lid opened"))).isEmpty();
		}

		JsonNode page = api.get("/api/v1/chargers/" + chargerId + "/security-events?size=1", Tokens.operator()).body();

		assertThat(page.get("totalItems").asLong()).isEqualTo(2);
		assertThat(page.get("items")).hasSize(1);
		JsonNode newest = page.get("items").get(0);
		assertThat(newest.get("type").asString()).isEqualTo("TamperDetectionActivated");
		assertThat(newest.get("techInfo").asString()).isEqualTo("lid opened");
		assertThat(Instant.parse(newest.get("occurredAt").asString())).isEqualTo("2026-12-04T10:05:00Z");
		assertThat(newest.get("receivedAt").asString()).isNotBlank();
		JsonNode older = api.get("/api/v1/chargers/" + chargerId + "/security-events?size=1&page=1", Tokens.operator())
				.body().get("items").get(0);
		assertThat(older.get("type").asString()).isEqualTo("StartupOfTheDevice");
		assertThat(older.has("techInfo") && !older.get("techInfo").isNull()).isFalse();
		assertThat(counted("TamperDetectionActivated")).isEqualTo(tampersBefore + 1);
	}

	@Test
	void aTypeOutsideTheWhitepapersIsStoredButCountedAsOther() {
		double otherBefore = counted("other");
		String invented = "Invented-" + UUID.randomUUID().toString().substring(0, 8);
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, KEY)) {
			assertThat(charger.result("SecurityEventNotification",
					Map.of("type", invented, "timestamp", "2026-12-04T10:00:00Z"))).isEmpty();
		}

		assertThat(api.get("/api/v1/chargers/" + chargerId + "/security-events", Tokens.operator()).body()
				.get("items").get(0).get("type").asString()).isEqualTo(invented);
		assertThat(counted("other")).isEqualTo(otherBefore + 1);
		assertThat(meters.find("csms.charger.security.events").tag("type", invented).counter()).isNull();
	}

	@Test
	void aTimeFarAheadIsReplacedByTheTimeOfArrivalAndOneBefore1970OrAnOversizedFieldIsRefused() {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, KEY)) {
			assertThat(charger.result("SecurityEventNotification",
					Map.of("type", "SettingSystemTime", "timestamp", "2999-01-01T00:00:00Z"))).isEmpty();
			assertThat(charger.call("SecurityEventNotification", Map.of("type", "SettingSystemTime", "timestamp",
					"0001-01-01T00:00:00Z")).get(2).asString()).isEqualTo("PropertyConstraintViolation");
			assertThat(charger.call("SecurityEventNotification", Map.of("type", "InvalidMessages", "timestamp",
					"2026-12-04T10:00:00Z", "techInfo", "x".repeat(256))).get(2).asString())
					.as("techInfo longer than the schema's 255").isEqualTo("PropertyConstraintViolation");
		}

		JsonNode items = api.get("/api/v1/chargers/" + chargerId + "/security-events", Tokens.operator()).body()
				.get("items");
		assertThat(items).hasSize(1);
		for (JsonNode item : items) {
			assertThat(Instant.parse(item.get("occurredAt").asString())).isAfterOrEqualTo(before)
					.isBeforeOrEqualTo(Instant.now());
		}
	}

	@Test
	void anUnknownChargerIs404AndADriverIsForbidden() {
		assertThat(api.get("/api/v1/chargers/NOPE-" + chargerId + "/security-events", Tokens.operator()).status())
				.isEqualTo(404);
		assertThat(api.get("/api/v1/chargers/" + chargerId + "/security-events", Tokens.driver("user-" + chargerId))
				.status()).isEqualTo(403);
	}

	private double counted(String type) {
		return meters.counter("csms.charger.security.events", "type", type).count();
	}
}
