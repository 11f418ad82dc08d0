package io.chargepay.csms.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** A session that costs more than its balance check covered is billed what the check covered, the rest on record. */
@CsmsIntegrationTest
@TestPropertySource(properties = { "csms.tariff.price-per-kwh=1.00", "csms.authorization.default-max-cost=20.00" })
class BillingCapIntegrationTests {

	@Value("${local.ocpp.port}")
	int ocppPort;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	BalanceService balance;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	MeterRegistry meters;

	@Test
	void aChargerStartedSessionBeyondItsCheckIsBilledTheCheckedAmountAndKeepsTheTariffs() {
		Fleet fleet = new Fleet(chargers, identity, balance);
		String chargerId = fleet.newCharger();
		String idTag = fleet.newDriverTag();
		double cappedBefore = meters.counter("csms.sessions.capped").count();
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY)) {
			int transactionId = charger.result("StartTransaction", Map.of("connectorId", 1, "idTag", idTag,
					"meterStart", 0, "timestamp", Instant.now().toString())).get("transactionId").asInt();
			// 30 kWh at 1.00 + 0.50 = 30.50 by the tariff; the RFID gate checked the wallet for 20.00.
			charger.result("StopTransaction", Map.of("transactionId", transactionId, "meterStop", 30_000,
					"timestamp", Instant.now().toString()));
		}

		Map<String, Object> session = jdbc.queryForMap("SELECT amount_minor, uncapped_amount_minor, billing_hold "
				+ "FROM charging_sessions WHERE charger_id = ?", chargerId);
		assertThat(((Number) session.get("amount_minor")).longValue()).isEqualTo(2_000);
		assertThat(((Number) session.get("uncapped_amount_minor")).longValue()).isEqualTo(3_050);
		assertThat(session.get("billing_hold")).isIn(false, 0, (byte) 0);
		org.awaitility.Awaitility.await().until(() -> meters.counter("csms.sessions.capped").count() > cappedBefore);
	}
}
