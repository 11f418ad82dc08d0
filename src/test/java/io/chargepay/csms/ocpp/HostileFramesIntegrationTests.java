package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ten thousand generated frames over a real connection: valid messages of every action a charger sends, the same
 * mutated (hostile values, missing and unknown fields, wrong types, wrong message types and ids), random text,
 * truncated JSON and deep nesting. Afterwards the listener still answers, every CALL it could read got exactly one
 * answer, heap did not grow, and nothing of another charger or driver changed.
 */
@CsmsIntegrationTest
class HostileFramesIntegrationTests {

	private static final int FRAMES = 10_000;
	private static final int IN_FLIGHT = 8;
	private static final long SEED = 16_2026L;
	private static final String RAW = "__raw__";
	private static final List<String> HOSTILE_LITERALS = List.of("1E+1000000000", "-1E+1000000000", "1e-400",
			"9223372036854775808", "-9223372036854775809", "-1", "0", "1.0000000000000000000000000001",
			"123456789012345678901234567890", "null", "true", "{}", "[]", "\"1E+1000000000\"", "\"-5\"", "\"NaN\"",
			"\"\"", "\"\\u0000\"", "\"2099-01-01T00:00:00Z\"", "\"0000-00-00T00:00:00Z\"", "\"not a date\"",
			"\"" + "x".repeat(2_000) + "\"", "[".repeat(600) + "]".repeat(600));

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	BalanceService balance;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void tenThousandHostileFramesLeaveTheListenerAnsweringAndOthersDataUntouched() throws Exception {
		Fleet fleet = new Fleet(chargers, identity, balance);
		String chargerId = fleet.newCharger();
		String idTag = fleet.newDriverTag();
		String bystander = fleet.newCharger();
		String bystandersTag = fleet.newDriverTag();
		Map<String, Object> bystanderBefore = snapshot(bystander, fleet.userOf(bystandersTag));
		long heapBefore = heapAfterGc();

		Random random = new Random(SEED);
		Set<String> expected = new HashSet<>();
		Set<String> answered = new HashSet<>();
		Set<String> awaiting = new HashSet<>();
		List<String> duplicates = new ArrayList<>();
		Map<String, Integer> outcomes = new java.util.TreeMap<>();
		TestCharger charger = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY);
		int reconnects = 0;
		try {
			for (int n = 0; n < FRAMES; n++) {
				Frame frame = generate(random, n, idTag);
				if (!charger.isOpen()) {
					charger.close();
					charger = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY);
					reconnects++;
				}
				charger.sendRaw(frame.text());
				if (frame.answerable()) {
					expected.add(frame.messageId());
					awaiting.add(frame.messageId());
				}
				// A charger sends one CALL at a time (OCPP-J 4.1.1); this one keeps a few in flight at most.
				while (awaiting.size() >= IN_FLIGHT && collect(charger, answered, awaiting, duplicates, outcomes, 10)) {
				}
				collect(charger, answered, awaiting, duplicates, outcomes, 0);
			}
			while (!awaiting.isEmpty() && collect(charger, answered, awaiting, duplicates, outcomes, 10)) {
			}
			ObjectNode heartbeat = charger.result("Heartbeat", Map.of());
			assertThat(heartbeat.has("currentTime")).as("still answering").isTrue();
			assertThat(charger.conformanceViolations()).as("every answer conforms to OCPP 1.6").isEmpty();
		}
		finally {
			charger.close();
		}

		assertThat(duplicates).as("no CALL answered twice").isEmpty();
		assertThat(outcomes).as("hostile input is refused for what it is, never failing inside: " + outcomes)
				.doesNotContainKey("InternalError").containsKeys("result", "FormationViolation", "ProtocolError",
						"NotImplemented", "TypeConstraintViolation", "OccurenceConstraintViolation");
		assertThat(outcomes.get("result")).as("valid and harmlessly mutated messages were handled: " + outcomes).isGreaterThan(1_000);
		assertThat(expected).as("every readable CALL answered, none dropped").isSubsetOf(answered);
		assertThat(reconnects).as("text frames within the size limit never cost the connection").isZero();
		assertThat(heapAfterGc() - heapBefore).as("heap retained after the run").isLessThan(64L << 20);
		assertThat(snapshot(bystander, fleet.userOf(bystandersTag))).isEqualTo(bystanderBefore);
	}

	/** A generated frame; {@code answerable} when a central system must answer it (a CALL with a readable id). */
	private record Frame(String text, String messageId, boolean answerable) {
	}

	private Frame generate(Random random, int n, String idTag) {
		String id = "f" + n;
		int kind = random.nextInt(100);
		if (kind < 6) {
			return new Frame(randomText(random), id, false);
		}
		if (kind < 10) {
			String valid = call(id, validMessage(random, idTag));
			return new Frame(valid.substring(0, random.nextInt(valid.length())), id, false);
		}
		if (kind < 12) {
			return new Frame("[".repeat(5_000) + "]".repeat(5_000), id, false);
		}
		if (kind < 16) {
			return wrongEnvelope(random, id, validMessage(random, idTag));
		}
		Message message = validMessage(random, idTag);
		if (kind >= 30) {
			mutate(random, message.payload());
		}
		String literal = HOSTILE_LITERALS.get(random.nextInt(HOSTILE_LITERALS.size()));
		return new Frame(call(id, message).replace("\"" + RAW + "\"", literal), id, true);
	}

	private record Message(String action, ObjectNode payload) {
	}

	private static String call(String id, Message message) {
		ArrayNode frame = TestCharger.JSON.createArrayNode().add(2).add(id).add(message.action());
		frame.add(message.payload());
		return TestCharger.JSON.writeValueAsString(frame);
	}

	/** A wrong message type, id or action around a valid payload; answered only when the id is still readable. */
	private static Frame wrongEnvelope(Random random, String id, Message message) {
		String payload = TestCharger.JSON.writeValueAsString(message.payload());
		return switch (random.nextInt(6)) {
			case 0 -> new Frame("[5,\"" + id + "\",\"" + message.action() + "\"," + payload + "]", id, true);
			case 1 -> new Frame("[2," + random.nextInt() + ",\"" + message.action() + "\"," + payload + "]", id, false);
			case 2 -> new Frame("[2,\"" + id + "-" + "i".repeat(37 + random.nextInt(100)) + "\",\"Heartbeat\",{}]", id,
					false);
			case 3 -> new Frame("[2,\"" + id + "\",\"" + message.action().toLowerCase() + "\"," + payload + "]", id, true);
			case 4 -> new Frame("[2,\"" + id + "\",\"NoSuchAction\"," + payload + "]", id, true);
			default -> new Frame("[2,\"" + id + "\"]", id, true);
		};
	}

	private Message validMessage(Random random, String idTag) {
		String now = Instant.now().toString();
		List<Supplier<Message>> messages = List.of(
				() -> message("BootNotification", Map.of("chargePointVendor", "Acme", "chargePointModel", "Fuzz")),
				() -> message("Heartbeat", Map.of()),
				() -> message("StatusNotification", Map.of("connectorId", 1, "errorCode", "NoError", "status",
						"Available", "timestamp", now)),
				() -> message("Authorize", Map.of("idTag", idTag)),
				() -> message("StartTransaction", Map.of("connectorId", 1, "idTag", idTag, "meterStart", 100,
						"timestamp", now)),
				() -> message("StopTransaction", Map.of("transactionId", 1 + random.nextInt(1_000), "meterStop",
						200, "timestamp", now)),
				() -> message("MeterValues", Map.of("connectorId", 1, "meterValue", List.of(Map.of("timestamp", now,
						"sampledValue", List.of(Map.of("value", "1234.5", "measurand",
								"Energy.Active.Import.Register")))))),
				() -> message("DataTransfer", Map.of("vendorId", "acme", "data", "payload")),
				() -> message("DiagnosticsStatusNotification", Map.of("status", "Idle")),
				() -> message("FirmwareStatusNotification", Map.of("status", "Installed")));
		return messages.get(random.nextInt(messages.size())).get();
	}

	private static Message message(String action, Map<String, Object> payload) {
		return new Message(action, TestCharger.JSON.valueToTree(payload));
	}

	/** Replaces, removes or adds one field, at the top or one level down; a replaced value may be a raw literal. */
	private static void mutate(Random random, ObjectNode payload) {
		ObjectNode target = nestedObject(random, payload);
		List<String> fields = new ArrayList<>(target.propertyNames());
		int choice = random.nextInt(4);
		if (fields.isEmpty() || choice == 0) {
			target.put("vendorExtension" + random.nextInt(10), "x".repeat(random.nextInt(100)));
			return;
		}
		String field = fields.get(random.nextInt(fields.size()));
		if (choice == 1) {
			target.remove(field);
		}
		else {
			target.put(field, RAW);
		}
	}

	private static ObjectNode nestedObject(Random random, ObjectNode payload) {
		for (JsonNode value : payload.values()) {
			if (value instanceof ArrayNode array && !array.isEmpty() && array.get(0) instanceof ObjectNode inner
					&& random.nextBoolean()) {
				return nestedObject(random, inner);
			}
		}
		return payload;
	}

	private static String randomText(Random random) {
		StringBuilder text = new StringBuilder();
		int length = 1 + random.nextInt(300);
		for (int i = 0; i < length; i++) {
			text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0xD7FF)));
		}
		return text.toString();
	}

	/** Takes the answers that arrived, waiting up to {@code waitSeconds} for the first; false when none came. */
	private boolean collect(TestCharger charger, Set<String> answered, Set<String> awaiting, List<String> duplicates,
			Map<String, Integer> outcomes, long waitSeconds) {
		ArrayNode answer = charger.nextAnswer(waitSeconds);
		boolean any = answer != null;
		while (answer != null) {
			outcomes.merge(answer.get(0).asInt() == 3 ? "result" : answer.get(2).asString(), 1, Integer::sum);
			String id = answer.get(1).asString();
			if (!answered.add(id)) {
				duplicates.add(id);
			}
			awaiting.remove(id);
			answer = charger.nextAnswer(0);
		}
		return any;
	}

	private Map<String, Object> snapshot(String chargerId, String userId) {
		return Map.of("charger", jdbc.queryForList("SELECT * FROM chargers WHERE id = ?", chargerId),
				"connectors", jdbc.queryForList("SELECT * FROM connectors WHERE charger_id = ?", chargerId),
				"sessions", jdbc.queryForList("SELECT * FROM charging_sessions WHERE charger_id = ? OR user_id = ?",
						chargerId, userId),
				"checks", jdbc.queryForList("SELECT * FROM balance_checks WHERE user_id = ?", userId),
				"tags", jdbc.queryForList("SELECT * FROM id_tags WHERE user_id = ?", userId));
	}

	private static long heapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}
}
