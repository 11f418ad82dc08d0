package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.Tokens;
import io.chargepay.csms.support.UpgradeProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OCPP listener's metrics as Prometheus scrapes them. */
@CsmsIntegrationTest
class OcppMetricsIntegrationTests {

	@LocalServerPort
	int port;
	@Value("${local.ocpp.port}")
	int ocppPort;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;
	@Autowired
	ChargerCommands commands;

	@Test
	void countsConnectionsMessagesRefusalsAndCommandOutcomes() throws Exception {
		String chargerId = new Fleet(chargers, identity, balance).newCharger();
		UpgradeProbe.upgrade(ocppPort, "/ocpp/" + chargerId, "ocpp1.6", UpgradeProbe.basic(chargerId, "wrong-password-xx"));
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY)) {
			charger.result("Heartbeat", Map.of());
			charger.call("Authorize", Map.of("idTag", "X".repeat(30)));
			charger.call("MadeUpAction", Map.of());
			await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));
			var reset = commands.send(chargerId, new ChargerCommand.Reset("Soft"));
			charger.answer(charger.expectCall("Reset"), Map.of("status", "Accepted"));
			reset.get(5, TimeUnit.SECONDS);

			String scrape = new Api(port).get("/actuator/prometheus", Tokens.operator()).text();

			assertThat(scrape).contains("csms_ocpp_connected ")
					.contains("csms_ocpp_connects_total")
					.contains("csms_ocpp_upgrades_refused_total{reason=\"unauthorized\"}")
					.contains("csms_ocpp_messages_in_total{action=\"Heartbeat\",outcome=\"result\"}")
					.contains("csms_ocpp_messages_in_total{action=\"Authorize\",outcome=\"PropertyConstraintViolation\"}")
					.contains("csms_ocpp_messages_in_total{action=\"unknown\",outcome=\"NotImplemented\"}")
					.contains("csms_ocpp_message_handling_seconds_bucket{action=\"Heartbeat\"")
					.contains("csms_ocpp_commands_seconds_count{command=\"Reset\",outcome=\"accepted\"}");
		}
	}

	@Test
	void keepsTheMetricsEndpointForOperators() {
		assertThat(new Api(port).get("/actuator/prometheus", null).status()).isEqualTo(401);
		assertThat(new Api(port).get("/actuator/prometheus", Tokens.driver("someone")).status()).isEqualTo(403);
	}
}
