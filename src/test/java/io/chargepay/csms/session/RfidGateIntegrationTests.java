package io.chargepay.csms.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.chargepay.csms.balance.BalanceService;
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

/** Sessions started at the charger pass the same balance gate as those started from the app. */
@CsmsIntegrationTest
class RfidGateIntegrationTests {

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

	Fleet fleet;
	TestCharger charger;

	@BeforeEach
	void connect() {
		fleet = new Fleet(chargers, identity, balance);
		charger = TestCharger.connect(ocppPort, fleet.newCharger(), Fleet.CHARGER_KEY);
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void acceptsAFundedDriverAndBlocksAnUnfundedOneOrOneWithoutAWallet() {
		String funded = fleet.newDriverTag();
		String unfunded = fleet.newDriverTag(BigDecimal.ZERO);
		String walletless = "W" + System.nanoTime() % 1_000_000_000L;
		identity.createUser("walletless-" + walletless, List.of(walletless));

		assertThat(authorize(funded)).isEqualTo("Accepted");
		assertThat(authorize(unfunded)).isEqualTo("Blocked");
		assertThat(authorize(walletless)).isEqualTo("Blocked");
		assertThat(authorize("NOBODY-HAS-THIS-TAG")).isEqualTo("Invalid");
	}

	@Test
	void authorizeAndTheStartThatFollowsCostOneCheckWhichTheSessionRecords() {
		String idTag = fleet.newDriverTag();
		String userId = fleet.userOf(idTag);

		assertThat(authorize(idTag)).isEqualTo("Accepted");
		int transactionId = start(idTag).get("transactionId").asInt();

		List<String> checks = jdbc.queryForList("select id from balance_checks where user_id = ?", String.class, userId);
		assertThat(checks).hasSize(1);
		assertThat(jdbc.queryForObject("select balance_check_id from charging_sessions where transaction_id = ?",
				String.class, transactionId)).isEqualTo(checks.get(0));
		assertThat(jdbc.queryForObject("select requested_amount from balance_checks where id = ?", BigDecimal.class,
				checks.get(0))).isEqualByComparingTo("20.00");
	}

	@Test
	void aStartWithoutAuthorizeIsCheckedAndBlockedWhenTheWalletIsShort() {
		String idTag = fleet.newDriverTag(new BigDecimal("19.99"));

		ObjectNode answer = start(idTag);

		assertThat(answer.get("idTagInfo").get("status").asString()).isEqualTo("Blocked");
		int transactionId = answer.get("transactionId").asInt();
		Map<String, Object> session = jdbc.queryForMap(
				"select authorization_status, balance_check_id from charging_sessions where transaction_id = ?",
				transactionId);
		assertThat(session.get("authorization_status")).isEqualTo("BLOCKED");
		assertThat(jdbc.queryForObject("select status from balance_checks where id = ?", String.class,
				session.get("balance_check_id"))).isEqualTo("INSUFFICIENT");
	}

	private String authorize(String idTag) {
		return charger.result("Authorize", Map.of("idTag", idTag)).get("idTagInfo").get("status").asString();
	}

	private ObjectNode start(String idTag) {
		return charger.result("StartTransaction", Map.of("connectorId", 1, "idTag", idTag, "meterStart", 0,
				"timestamp", java.time.Instant.now().toString()));
	}
}
