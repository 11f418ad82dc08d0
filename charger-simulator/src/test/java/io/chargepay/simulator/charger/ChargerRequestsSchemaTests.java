package io.chargepay.simulator.charger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import io.chargepay.simulator.ocpp.Json;
import io.chargepay.simulator.support.OcppSchemas;
import org.junit.jupiter.api.Test;

/** Every kind of CALL the simulator sends, checked against the official OCPP 1.6 request schemas. */
class ChargerRequestsSchemaTests {

	private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

	@Test
	void bootHeartbeatStatusAndAuthorizeMatchTheirSchemas() {
		assertConforms("BootNotification", ChargerRequests.boot("CHARGER-001"));
		assertConforms("Heartbeat", ChargerRequests.heartbeat());
		assertConforms("StatusNotification", ChargerRequests.status(1, "Charging", NOW));
		assertConforms("Authorize", new ChargerRequests.Authorize("TAG-USER-123"));
	}

	@Test
	void transactionMessagesMatchTheirSchemas() {
		Transaction transaction = new Transaction(1, "TAG-USER-123", 1200, NOW);
		transaction.assignId(17);
		MeterReading reading = new MeterReading(NOW.plusSeconds(60), 1383, 11_000);

		assertConforms("StartTransaction", ChargerRequests.startTransaction(transaction));
		assertConforms("MeterValues", ChargerRequests.meterValues(1, 17, reading, "Sample.Periodic",
				List.of(ChargerRequests.ENERGY, ChargerRequests.POWER)));
		assertConforms("MeterValues", ChargerRequests.meterValues(1, null, reading, "Trigger", List.of()));
		assertConforms("StopTransaction", ChargerRequests.stopTransaction(transaction, 1383, NOW, "Remote"));
	}

	@Test
	void timestampsCarryMillisecondsInUtc() {
		assertThat(ChargerRequests.status(1, "Available", NOW).timestamp()).isEqualTo("2025-06-01T12:00:00.000Z");
	}

	@Test
	void schemaCheckCatchesWhatIsWrongSoThePassesAboveMeanSomething() {
		ChargerRequests.StatusNotification bad = new ChargerRequests.StatusNotification(1, "NoError", "Sleeping",
				"yesterday");

		assertThat(OcppSchemas.violations("StatusNotification", true, Json.tree(bad))).hasSize(2);
	}

	private static void assertConforms(String action, Object payload) {
		assertThat(OcppSchemas.violations(action, true, Json.tree(payload))).as(action).isEmpty();
	}
}
