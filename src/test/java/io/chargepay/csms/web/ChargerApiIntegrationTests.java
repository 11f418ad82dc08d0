package io.chargepay.csms.web;

import static io.chargepay.csms.web.ApiSecurityIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.Tokens;
import io.chargepay.csms.support.UpgradeProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CsmsIntegrationTest
class ChargerApiIntegrationTests {

	static final String KEY = "operator-chosen-key-0001";

	@LocalServerPort
	int port;
	@Value("${local.ocpp.port}")
	int ocppPort;
	@Autowired
	ChargerCommands commands;
	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	Api api;
	String operator;
	String chargerId;

	@BeforeEach
	void prepare() {
		api = new Api(port);
		operator = Tokens.operator();
		chargerId = "API-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void registersAChargerThatCanThenConnect() {
		Api.Response created = register(chargerId, KEY);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).endsWith("/api/v1/chargers/" + chargerId);
		assertThat(created.body().get("chargerId").asString()).isEqualTo(chargerId);
		assertThat(created.body().get("connected").asBoolean()).isFalse();
		assertThat(created.text()).doesNotContain(KEY);
		assertThat(UpgradeProbe.upgrade(ocppPort, "/ocpp/" + chargerId, "ocpp1.6", UpgradeProbe.basic(chargerId, KEY))
				.status()).isEqualTo(101);
	}

	@Test
	void showsTheChargersLatestFirmwareAndDiagnosticsStatusAndKeepsEveryReport() {
		register(chargerId, KEY);
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, KEY)) {
			assertThat(charger.result("FirmwareStatusNotification", Map.of("status", "Downloading"))).isEmpty();
			assertThat(charger.result("FirmwareStatusNotification", Map.of("status", "Installed"))).isEmpty();
			assertThat(charger.result("DiagnosticsStatusNotification", Map.of("status", "Uploaded"))).isEmpty();
			assertThat(charger.call("FirmwareStatusNotification", Map.of("status", "Bricked")).get(2).asString())
					.as("a status OCPP 1.6 does not define").isEqualTo("PropertyConstraintViolation");
		}

		JsonNode shown = api.get("/api/v1/chargers/" + chargerId, operator).body();
		assertThat(shown.get("firmware").get("status").asString()).isEqualTo("Installed");
		assertThat(shown.get("firmware").get("at").asString()).isNotBlank();
		assertThat(shown.get("diagnostics").get("status").asString()).isEqualTo("Uploaded");
		assertThat(jdbc.queryForList("SELECT status FROM charger_status_reports WHERE charger_id = ? ORDER BY id",
				String.class, chargerId)).containsExactly("Downloading", "Installed", "Uploaded");
	}

	@Test
	void showsSignedFirmwareAndLogUploadStatusAndKeepsTheRequestEachAnswers() {
		register(chargerId, KEY);
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, KEY)) {
			assertThat(charger.result("SignedFirmwareStatusNotification",
					Map.of("status", "SignatureVerified", "requestId", 7))).isEmpty();
			assertThat(charger.result("LogStatusNotification", Map.of("status", "Uploading", "requestId", 8))).isEmpty();
			assertThat(charger.result("LogStatusNotification", Map.of("status", "Uploaded", "requestId", 8))).isEmpty();
			assertThat(charger.call("LogStatusNotification", Map.of("status", "Lost")).get(2).asString())
					.as("a status the whitepaper does not define").isEqualTo("PropertyConstraintViolation");
			assertThat(charger.call("SignedFirmwareStatusNotification", Map.of("status", "Installed",
					"requestId", "seven")).get(2).asString()).as("a requestId that is not an integer")
					.isEqualTo("TypeConstraintViolation");
		}

		JsonNode shown = api.get("/api/v1/chargers/" + chargerId, operator).body();
		assertThat(shown.get("firmware").get("status").asString()).isEqualTo("SignatureVerified");
		assertThat(shown.get("log").get("status").asString()).isEqualTo("Uploaded");
		assertThat(jdbc.queryForList("SELECT CONCAT(kind, ':', status, ':', request_id) FROM charger_status_reports "
				+ "WHERE charger_id = ? ORDER BY id", String.class, chargerId))
				.containsExactly("FIRMWARE:SignatureVerified:7", "LOG:Uploading:8", "LOG:Uploaded:8");
	}

	@Test
	void generatesAKeyShownOnceWhenTheOperatorGivesNone() {
		Api.Response created = api.post("/api/v1/chargers", operator, Map.of("chargerId", chargerId));

		assertThat(created.status()).isEqualTo(201);
		String generated = created.body().get("authorizationKey").asString();
		assertThat(generated).matches("[A-Za-z0-9]{20}");
		assertThat(api.get("/api/v1/chargers/" + chargerId, operator).body().has("authorizationKey")).isFalse();
		assertThat(UpgradeProbe.upgrade(ocppPort, "/ocpp/" + chargerId, "ocpp1.6",
				UpgradeProbe.basic(chargerId, generated)).status()).isEqualTo(101);
		assertThat(UpgradeProbe.upgrade(ocppPort, "/ocpp/" + chargerId, "ocpp1.6",
				UpgradeProbe.basic(chargerId, generated.toLowerCase() + "x")).status()).isEqualTo(401);
	}

	@Test
	void rotatesToAGeneratedKeyWhenThePutNamesNone() {
		register(chargerId, KEY);

		Api.Response rotated = api.put("/api/v1/chargers/" + chargerId + "/password", operator, Map.of());

		assertThat(rotated.status()).isEqualTo(200);
		String generated = rotated.body().get("authorizationKey").asString();
		assertThat(UpgradeProbe.upgrade(ocppPort, "/ocpp/" + chargerId, "ocpp1.6", UpgradeProbe.basic(chargerId, KEY))
				.status()).isEqualTo(401);
		assertThat(UpgradeProbe.upgrade(ocppPort, "/ocpp/" + chargerId, "ocpp1.6",
				UpgradeProbe.basic(chargerId, generated)).status()).isEqualTo(101);
	}

	@Test
	void refusesASecondRegistrationOfTheSameIdWith409() {
		register(chargerId, KEY);

		Api.Response again = register(chargerId, "another-key-0123456789");

		assertThat(again.status()).isEqualTo(409);
		assertProblem(again, "conflict");
	}

	@Test
	void refusesPasswordsOutside16To40CharactersNamingTheField() {
		for (String password : new String[] { "short-key", "x".repeat(41) }) {
			Api.Response response = register(chargerId, password);

			assertThat(response.status()).isEqualTo(400);
			assertProblem(response, "validation");
			assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("password");
		}
	}

	@Test
	void showsAConnectedChargerWithItsBootInfoAndConnectors() {
		register(chargerId, KEY);
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, KEY)) {
			charger.result("BootNotification", Map.of("chargePointVendor", "ACME", "chargePointModel", "Volt-22",
					"firmwareVersion", "4.2"));
			charger.result("StatusNotification", Map.of("connectorId", 1, "errorCode", "NoError", "status", "Available"));
			await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));

			JsonNode shown = api.get("/api/v1/chargers/" + chargerId, operator).body();

			assertThat(shown.get("connected").asBoolean()).isTrue();
			assertThat(shown.get("vendor").asString()).isEqualTo("ACME");
			assertThat(shown.get("firmwareVersion").asString()).isEqualTo("4.2");
			assertThat(shown.get("lastSeenAt").isNull()).isFalse();
			assertThat(shown.get("connectors").get(0).get("status").asString()).isEqualTo("Available");
		}
	}

	@Test
	void listsChargersNewestFirstInPagesOfAtMost100() {
		register(chargerId, KEY);

		Api.Response page = api.get("/api/v1/chargers?page=0&size=5", operator);

		assertThat(page.body().get("items").get(0).get("chargerId").asString()).isEqualTo(chargerId);
		assertThat(page.body().get("size").asInt()).isEqualTo(5);
		assertThat(page.body().get("order").asString()).isEqualTo("newest first");
		assertThat(page.body().get("totalItems").asLong()).isPositive();
		assertThat(api.get("/api/v1/chargers?size=101", operator).status()).isEqualTo(400);
		assertThat(api.get("/api/v1/chargers?page=-1", operator).status()).isEqualTo(400);
	}

	@Test
	void answersAnUnknownChargerWith404() {
		Api.Response response = api.get("/api/v1/chargers/NO-SUCH-" + chargerId, operator);

		assertThat(response.status()).isEqualTo(404);
		assertProblem(response, "not-found");
	}

	@Test
	void closesTheLiveConnectionOpenedWithTheOldKeyWhenTheKeyIsRotated() {
		register(chargerId, KEY);
		try (TestCharger chosen = TestCharger.connect(ocppPort, chargerId, KEY)) {
			await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));
			assertThat(api.put("/api/v1/chargers/" + chargerId + "/password", operator,
					Map.of("password", "the-rotated-key-0003")).status()).isEqualTo(204);
			assertThat(chosen.closedWithin(5)).as("closed after a chosen key's rotation").isTrue();
		}
		try (TestCharger reconnected = TestCharger.connect(ocppPort, chargerId, "the-rotated-key-0003")) {
			await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));
			assertThat(api.put("/api/v1/chargers/" + chargerId + "/password", operator, Map.of()).status())
					.isEqualTo(200);
			assertThat(reconnected.closedWithin(5)).as("closed after a generated key's rotation").isTrue();
		}
	}

	@Test
	void rotatesTheAuthorizationKey() {
		register(chargerId, KEY);

		assertThat(api.put("/api/v1/chargers/" + chargerId + "/password", operator,
				Map.of("password", "the-rotated-key-0002")).status()).isEqualTo(204);

		assertThat(UpgradeProbe.upgrade(ocppPort, "/ocpp/" + chargerId, "ocpp1.6", UpgradeProbe.basic(chargerId, KEY))
				.status()).isEqualTo(401);
		assertThat(UpgradeProbe.upgrade(ocppPort, "/ocpp/" + chargerId, "ocpp1.6",
				UpgradeProbe.basic(chargerId, "the-rotated-key-0002")).status()).isEqualTo(101);
	}

	@Test
	void disablingAChargerClosesItsConnectionAndRefusesItAfterwards() {
		register(chargerId, KEY);
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, KEY)) {
			await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));

			assertThat(api.delete("/api/v1/chargers/" + chargerId, operator).status()).isEqualTo(204);

			assertThat(charger.closedWithin(5)).isTrue();
		}
		assertThat(UpgradeProbe.upgrade(ocppPort, "/ocpp/" + chargerId, "ocpp1.6", UpgradeProbe.basic(chargerId, KEY))
				.status()).isEqualTo(401);
		assertThat(api.get("/api/v1/chargers/" + chargerId, operator).body().get("enabled").asBoolean()).isFalse();
	}

	private Api.Response register(String id, String password) {
		return api.post("/api/v1/chargers", operator, Map.of("chargerId", id, "password", password));
	}
}
