package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.RowLocks;
import io.chargepay.csms.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When a charger connects again, what its old connection still had queued never runs beside or after the new
 * connection's messages: queued messages are dropped (the charger resends what it did not get answered), and the one
 * already running finishes before the new connection's first.
 */
@CsmsIntegrationTest
class ConnectionReplacementIntegrationTests {

	private static final Map<String, String> BOOT = Map.of("chargePointVendor", "Acme", "chargePointModel", "Replaced");

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	BalanceService balance;
	@Autowired
	DataSource dataSource;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void messagesQueuedOnAReplacedConnectionAreDroppedAndNeverInterleaveWithTheNewOnes() throws SQLException {
		assumeTrue(TestDatabase.isServerDatabase(), "needs a database server: H2 gives up lock waits after about 1 s");
		String chargerId = new Fleet(chargers, identity, balance).newCharger();
		try (Connection holder = dataSource.getConnection();
				TestCharger old = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY)) {
			// The old connection's BootNotification waits on the charger's row; two DataTransfers queue behind it.
			RowLocks.lockChargerRow(holder, chargerId);
			old.sendRaw(TestCharger.JSON.writeValueAsString(List.of(2, "boot-1", "BootNotification", BOOT)));
			await().atMost(Duration.ofSeconds(20)).until(() -> RowLocks.aTransactionWaitsForALock(jdbc));
			old.sendRaw(dataTransfer("old-queued-1"));
			old.sendRaw(dataTransfer("old-queued-2"));

			try (TestCharger replacement = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY)) {
				assertThat(old.closedWithin(10)).isTrue();
				replacement.sendRaw(dataTransfer("new-1"));
				await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
						.until(() -> storedDataTransfers(chargerId).isEmpty());

				holder.rollback();
				assertThat(replacement.awaitAnswer("new-1").get(0).asInt()).as("a CALLRESULT").isEqualTo(3);
				assertThat(storedDataTransfers(chargerId)).as("only the new connection's message ran")
						.containsExactly("new-1");
				assertThat(jdbc.queryForObject("SELECT model FROM chargers WHERE id = ?", String.class, chargerId))
						.as("the message already running when the charger reconnected finished").isEqualTo("Replaced");
			}
		}
	}

	private static String dataTransfer(String messageId) {
		return TestCharger.JSON.writeValueAsString(
				List.of(2, messageId, "DataTransfer", Map.of("vendorId", "acme", "data", messageId)));
	}

	private List<String> storedDataTransfers(String chargerId) {
		return jdbc.queryForList("SELECT data FROM charger_data_transfers WHERE charger_id = ? ORDER BY id",
				String.class, chargerId);
	}

}
