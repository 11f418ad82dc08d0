package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.node.ArrayNode;

/** OCPP-J 1.6 §4: how the central system answers frames that are not what they should be. */
@CsmsIntegrationTest
class OcppFramingIntegrationTests {

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;
	@Autowired
	MeterRegistry meters;

	TestCharger charger;

	@BeforeEach
	void connect() {
		charger = TestCharger.connect(port, new Fleet(chargers, identity, balance).newCharger(), Fleet.CHARGER_KEY);
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void answersInvalidJsonWithFormationViolationWhenTheMessageIdCanBeRead() {
		charger.sendRaw("[2,\"broken-1\",\"Heartbeat\",{");

		assertError(charger.awaitAnswer("broken-1"), "FormationViolation");
	}

	@Test
	void dropsAndCountsAFrameWithoutAReadableMessageIdAndStaysConnected() {
		double before = droppedFrames();

		charger.sendRaw("this is not OCPP");
		charger.sendRaw("{\"messageTypeId\":2}");

		assertThat(charger.result("Heartbeat", Map.of()).has("currentTime")).isTrue();
		assertThat(droppedFrames() - before).isEqualTo(2);
	}

	@Test
	void answersAWrongArrayShapeWithFormationViolation() {
		charger.sendRaw("[2,\"shape-1\",\"Heartbeat\"]");
		assertError(charger.awaitAnswer("shape-1"), "FormationViolation");

		charger.sendRaw("[2,\"shape-2\",\"Heartbeat\",[]]");
		assertError(charger.awaitAnswer("shape-2"), "FormationViolation");
	}

	@Test
	void answersAnUnknownMessageTypeWithProtocolError() {
		charger.sendRaw("[7,\"type-1\",\"Heartbeat\",{}]");

		assertError(charger.awaitAnswer("type-1"), "ProtocolError");
	}

	@Test
	void answersAMessageIdLongerThan36CharactersWithProtocolError() {
		String longId = "x".repeat(37);
		charger.sendRaw("[2,\"" + longId + "\",\"Heartbeat\",{}]");

		assertError(charger.awaitAnswer(longId), "ProtocolError");
	}

	@Test
	void answersAnUnknownActionWithNotImplemented() {
		assertError(charger.call("FlyToTheMoon", Map.of()), "NotImplemented");
	}

	@Test
	void answersAKnownButUnsupportedActionWithNotSupported() {
		// A CSMS-to-charger action sent the wrong way: OCPP 1.6 defines it, this central system never handles it.
		assertError(charger.call("ClearCache", Map.of()), "NotSupported");
	}

	@Test
	void answersAMissingRequiredFieldWithOccurenceConstraintViolation() {
		assertError(charger.call("BootNotification", Map.of("chargePointVendor", "ACME")), "OccurenceConstraintViolation");
	}

	@Test
	void answersAFieldOfTheWrongTypeWithTypeConstraintViolation() {
		assertError(charger.callJson("StatusNotification",
				"{\"connectorId\":\"one\",\"errorCode\":\"NoError\",\"status\":\"Available\"}"), "TypeConstraintViolation");
		assertError(charger.callJson("StartTransaction",
				"{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"yesterday\"}"),
				"TypeConstraintViolation");
	}

	@Test
	void answersATooLongFieldWithPropertyConstraintViolation() {
		assertError(charger.call("Authorize", Map.of("idTag", "X".repeat(21))), "PropertyConstraintViolation");
	}

	@Test
	void answersAnUnknownEnumValueWithPropertyConstraintViolation() {
		assertError(charger.callJson("StatusNotification",
				"{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Dancing\"}"), "PropertyConstraintViolation");
	}

	@Test
	void acceptsVendorFieldsTheSchemaDoesNotName() {
		ArrayNode answer = charger.callJson("Heartbeat", "{\"vendorExtra\":true}");

		assertThat(answer.get(0).asInt()).isEqualTo(3);
	}

	@Test
	void neverAnswersACallResultOrCallErrorWhoseIdItDoesNotKnow() {
		charger.sendRaw("[3,\"nobody-asked\",{\"status\":\"Accepted\"}]");
		charger.sendRaw("[4,\"nobody-asked-2\",\"GenericError\",\"x\",{}]");
		charger.sendRaw("[3,\"malformed-answer\"]");

		ArrayNode heartbeat = charger.call("Heartbeat", Map.of());
		assertThat(heartbeat.get(0).asInt()).isEqualTo(3);
		assertThat(charger.rawFramesReceived()).hasSize(1);
	}

	@Test
	void closesTheConnectionWith1009WhenAFrameExceedsTheLimit() {
		String huge = "{\"vendorId\":\"v\",\"data\":\"" + "x".repeat(70_000) + "\"}";
		charger.sendRaw("[2,\"big-1\",\"DataTransfer\"," + huge + "]");

		assertThat(charger.awaitCloseCode()).isEqualTo(1009);
	}

	@Test
	void sendsTimestampsInUtcWithAtMostMilliseconds() {
		String currentTime = charger.result("Heartbeat", Map.of()).get("currentTime").asString();

		assertThat(currentTime).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z");
	}

	private double droppedFrames() {
		return meters.counter("csms.ocpp.frames.dropped").count();
	}

	private static void assertError(ArrayNode answer, String code) {
		assertThat(answer.get(0).asInt()).as("message type of %s", answer).isEqualTo(4);
		assertThat(answer.get(2).asString()).as("error code of %s", answer).isEqualTo(code);
		assertThat(answer).hasSize(5);
		assertThat(answer.get(4).isObject()).isTrue();
	}
}
