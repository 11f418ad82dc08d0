package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.RowLocks;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.TestDatabase;
import io.chargepay.csms.support.UpgradeProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Upgrades are decided on a pool of their own: with one decoder serving every connection and one admission thread, an
 * upgrade whose key check cannot finish (it waits on the charger's row, held here) leaves the decoder free for the
 * chargers already connected, the next upgrade waits in the admission queue, and one more than the queue holds is
 * answered 503 with Retry-After at once.
 */
@CsmsIntegrationTest
@TestPropertySource(properties = { "csms.ocpp.decoder-threads=1", "csms.ocpp.admission.threads=1",
		"csms.ocpp.admission.queue-capacity=1", "csms.ocpp.admission.retry-after=7s",
		"csms.chargers.key-verifier-secret=admission-tests-verifier-secret-0123456789" })
class AdmissionIntegrationTests {

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
	@Autowired
	MeterRegistry meters;
	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	Fleet fleet;

	@BeforeEach
	void fleet() {
		fleet = new Fleet(chargers, identity, balance);
	}

	@Test
	void aStuckKeyCheckLeavesConnectedChargersAnsweredAndAFullQueueGets503() throws Exception {
		assumeTrue(TestDatabase.isServerDatabase(), "needs a database server: H2 gives up lock waits after about 1 s");
		String stuck = fleet.newCharger();
		String queued = fleet.newCharger();
		try (TestCharger connected = TestCharger.connect(port, fleet.newCharger(), Fleet.CHARGER_KEY);
				Connection holder = dataSource.getConnection();
				Socket stuckSocket = UpgradeProbe.connectFrom("127.0.0.1", port);
				Socket queuedSocket = UpgradeProbe.connectFrom("127.0.0.1", port)) {
			// Without a verifier (as for a charger registered under another secret), its admission pays PBKDF2 and then
			// stores one on the charger's row, which waits for this lock.
			forgetVerifier(stuck);
			RowLocks.lockChargerRow(holder, stuck);
			CompletableFuture<UpgradeProbe.Response> stuckUpgrade = upgradeAsync(stuckSocket, stuck);
			await().atMost(Duration.ofSeconds(20)).until(() -> RowLocks.aTransactionWaitsForALock(jdbc));

			assertThat(connected.call("Heartbeat", Map.of()).get(0).asInt())
					.as("a connected charger's CALL is answered while the upgrade is stuck").isEqualTo(3);
			assertThat(stuckUpgrade).isNotDone();

			CompletableFuture<UpgradeProbe.Response> queuedUpgrade = upgradeAsync(queuedSocket, queued);
			await().atMost(Duration.ofSeconds(10))
					.until(() -> meters.get("csms.ocpp.admission.queued").gauge().value() == 1.0);
			UpgradeProbe.Response full = upgrade(fleet.newCharger());
			assertThat(full.status()).isEqualTo(503);
			assertThat(full.header("Retry-After")).isEqualTo("7");

			holder.rollback();
			assertThat(stuckUpgrade.get().status()).as("the stuck upgrade completes once the row is free").isEqualTo(101);
			assertThat(queuedUpgrade.get().status()).as("the queued one after it").isEqualTo(101);
		}
	}

	@Test
	void framesSentRightBehindTheUpgradeRequestAreAnsweredInOrderAfterTheUpgrade() throws IOException {
		String chargerId = fleet.newCharger();
		byte[] twoCalls = concat(UpgradeProbe.clientTextFrame(call("first", "Heartbeat")),
				UpgradeProbe.clientTextFrame(call("second", "Heartbeat")));
		try (Socket socket = UpgradeProbe.connectFrom("127.0.0.1", port)) {
			UpgradeProbe.Response response = UpgradeProbe.upgrade(socket, port, "/ocpp/" + chargerId, "ocpp1.6",
					UpgradeProbe.basic(chargerId, Fleet.CHARGER_KEY), twoCalls);

			assertThat(response.status()).isEqualTo(101);
			assertThat(UpgradeProbe.readServerTextFrame(socket.getInputStream())).startsWith("[3,\"first\",");
			assertThat(UpgradeProbe.readServerTextFrame(socket.getInputStream())).startsWith("[3,\"second\",");
		}
	}

	private void forgetVerifier(String chargerId) {
		new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(
				status -> jdbc.update("UPDATE chargers SET key_verifier = NULL WHERE id = ?", chargerId));
	}

	private static String call(String messageId, String action) {
		return TestCharger.JSON.writeValueAsString(List.of(2, messageId, action, Map.of()));
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private CompletableFuture<UpgradeProbe.Response> upgradeAsync(Socket socket, String chargerId) throws IOException {
		socket.setSoTimeout(60_000);
		return CompletableFuture.supplyAsync(() -> UpgradeProbe.upgrade(socket, port, "/ocpp/" + chargerId, "ocpp1.6",
				UpgradeProbe.basic(chargerId, Fleet.CHARGER_KEY)));
	}

	private UpgradeProbe.Response upgrade(String chargerId) throws IOException {
		try (Socket socket = UpgradeProbe.connectFrom("127.0.0.1", port)) {
			return UpgradeProbe.upgrade(socket, port, "/ocpp/" + chargerId, "ocpp1.6",
					UpgradeProbe.basic(chargerId, Fleet.CHARGER_KEY));
		}
	}
}
