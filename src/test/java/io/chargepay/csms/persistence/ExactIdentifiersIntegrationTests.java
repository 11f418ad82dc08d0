package io.chargepay.csms.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.identity.Wallet;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.Tokens;
import io.chargepay.csms.support.UpgradeProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Charger ids and user ids match exactly, whatever the server's default collation: an id in another case is another
 * id, so it can neither authenticate as a charger nor spend a driver's wallet.
 */
@CsmsIntegrationTest
class ExactIdentifiersIntegrationTests {

	@Value("${local.ocpp.port}")
	int ocppPort;
	@Value("${local.server.port}")
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
	void everyChargerIdAndUserIdColumnComparesExactlyTablesAddedAfterTheFirstPassIncluded() {
		org.junit.jupiter.api.Assumptions.assumeTrue(io.chargepay.csms.support.TestDatabase.isServerDatabase(),
				"H2 compares case-sensitively already");
		List<Map<String, Object>> columns = jdbc.queryForList("SELECT table_name, column_name, collation_name "
				+ "FROM information_schema.columns WHERE table_schema = DATABASE() AND (column_name IN "
				+ "('charger_id', 'user_id') OR (table_name IN ('chargers', 'users') AND column_name = 'id'))");

		assertThat(columns).extracting(column -> String.valueOf(column.get("table_name")).toLowerCase(Locale.ROOT))
				.contains("charger_status_reports", "charger_security_events");
		assertThat(columns).allSatisfy(column -> assertThat(column.get("collation_name")).as(column.toString())
				.isEqualTo("utf8mb4_bin"));
	}

	@Test
	void aChargerIdInAnotherCaseCannotAuthenticateWithThatChargersKey() {
		String chargerId = "EXACT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		String sameInLowerCase = chargerId.toLowerCase(Locale.ROOT);
		chargers.register(chargerId, Fleet.CHARGER_KEY);

		try (TestCharger live = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY)) {
			UpgradeProbe.Response impostor = UpgradeProbe.upgrade(ocppPort, "/ocpp/" + sameInLowerCase, "ocpp1.6",
					UpgradeProbe.basic(sameInLowerCase, Fleet.CHARGER_KEY));

			assertThat(impostor.status()).isEqualTo(401);
			assertThat(live.closedWithin(1)).as("the real charger keeps its connection").isFalse();
		}
		assertThat(chargers.find(sameInLowerCase)).isEmpty();
		assertThat(chargers.find(chargerId)).isPresent();
	}

	@Test
	void aUserIdInAnotherCaseDoesNotOwnThatUsersWallet() {
		// The upper-case prefix makes the two ids differ even when the random part has no letters.
		String userId = "USER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
		String sameInLowerCase = userId.toLowerCase(Locale.ROOT);
		String wallet = Fleet.newWalletAddress();
		identity.createUser(userId, List.of("X" + UUID.randomUUID().toString().substring(0, 12)),
				List.of(new Wallet(wallet, Fleet.CHAIN, true)));
		balance.setSandboxBalance(Fleet.CHAIN, wallet, Fleet.DRIVER_FUNDS);
		String chargerId = new Fleet(chargers, identity, balance).newCharger();

		Api.Response start = new Api(port).post("/api/v1/session/start", Tokens.driver(sameInLowerCase),
				Map.of("userId", sameInLowerCase, "chargerId", chargerId, "walletAddress", wallet, "chain",
						Fleet.CHAIN, "expectedMaxCost", 10));

		assertThat(start.status()).as("an unknown user, not the one in another case").isEqualTo(404);
		assertThat(identity.findUser(sameInLowerCase)).isEmpty();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM balance_checks WHERE wallet_address = ?", Integer.class,
				wallet)).as("nothing of the wallet was checked or reserved").isZero();
	}
}
