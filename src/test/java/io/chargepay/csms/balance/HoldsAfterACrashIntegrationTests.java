package io.chargepay.csms.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.chargepay.csms.CsmsApplication;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.TestDatabase;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A node that held a driver's funds for an Authorize is killed (SIGKILL, no shutdown) before the StartTransaction
 * came: the hold is in the database, so another node frees it after csms.balance.hold-ttl and the driver is not left
 * Blocked. The killed node is a real second JVM on the same database; this test's application is the node that
 * carries on. A hold a session took is not the sweeper's: it lasts until that session ends.
 */
@CsmsIntegrationTest
@TestPropertySource(properties = { "csms.balance.hold-ttl=4s", "csms.balance.hold-sweep-interval=500ms" })
class HoldsAfterACrashIntegrationTests {

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

	@Test
	void aHoldLeftByAKilledNodeExpiresSoTheDriverIsAcceptedAgain() throws Exception {
		assumeTrue(TestDatabase.isServerDatabase(), "needs a database server that two processes share");
		Fleet fleet = new Fleet(chargers, identity, balance);
		String chargerId = fleet.newCharger();
		// Funds for exactly one hold of csms.authorization.default-max-cost (20.00).
		String idTag = fleet.newDriverTag(new BigDecimal("20.00"));

		int killedOcppPort = TestDatabase.freePort();
		Process killed = startSecondNode(killedOcppPort);
		try {
			awaitListening(killed, killedOcppPort);
			try (TestCharger charger = TestCharger.connect(killedOcppPort, chargerId, Fleet.CHARGER_KEY)) {
				assertThat(authorize(charger, idTag)).isEqualTo("Accepted");
			}
		}
		finally {
			killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		assertThat(heldReservations(fleet.userOf(idTag))).as("the killed node's hold outlived it").isEqualTo(1);

		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY)) {
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
					.until(() -> authorize(charger, idTag).equals("Accepted"));
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wallet_reservations r JOIN balance_checks c "
				+ "ON c.id = r.balance_check_id WHERE c.user_id = ? AND r.status = 'RELEASED' AND r.released_at IS NOT NULL",
				Integer.class, fleet.userOf(idTag))).as("the stale hold was released, not deleted").isGreaterThanOrEqualTo(1);
	}

	@Test
	void aHoldASessionTookLastsPastTheTtlUntilTheSessionEnds() {
		Fleet fleet = new Fleet(chargers, identity, balance);
		String chargerId = fleet.newCharger();
		String idTag = fleet.newDriverTag(new BigDecimal("20.00"));
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY)) {
			assertThat(authorize(charger, idTag)).isEqualTo("Accepted");
			int transactionId = charger.result("StartTransaction", Map.of("connectorId", 1, "idTag", idTag,
					"meterStart", 0, "timestamp", java.time.Instant.now().toString())).get("transactionId").asInt();

			await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
					.until(() -> heldReservations(fleet.userOf(idTag)) == 1);

			charger.result("StopTransaction", Map.of("transactionId", transactionId, "meterStop", 1000, "timestamp",
					java.time.Instant.now().toString()));
		}
		assertThat(heldReservations(fleet.userOf(idTag))).as("released when the session ended").isZero();
	}

	private static String authorize(TestCharger charger, String idTag) {
		return charger.result("Authorize", Map.of("idTag", idTag)).get("idTagInfo").get("status").asString();
	}

	private int heldReservations(String userId) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM wallet_reservations r JOIN balance_checks c "
				+ "ON c.id = r.balance_check_id WHERE c.user_id = ? AND r.status = 'HELD'", Integer.class, userId);
	}

	/** The application in its own JVM, on this test's database, with the same hold-ttl; its output goes to a file. */
	private Process startSecondNode(int ocppPort) throws IOException {
		Path log = Files.createTempFile("killed-node-", ".log");
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), CsmsApplication.class.getName(),
				"--spring.datasource.url=" + System.getenv("CSMS_TEST_DATASOURCE_URL"),
				"--spring.datasource.username=" + env("CSMS_TEST_DATASOURCE_USERNAME", "root"),
				"--spring.datasource.password=" + env("CSMS_TEST_DATASOURCE_PASSWORD", ""),
				"--spring.datasource.hikari.maximum-pool-size=4", "--server.port=0", "--server.address=127.0.0.1",
				"--csms.ocpp.host=127.0.0.1", "--csms.ocpp.port=" + ocppPort,
				"--csms.auth.jwt-secret=" + Tokens.SECRET, "--csms.balance.hold-ttl=4s",
				"--logging.file.name=" + log));
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
	}

	/** Waits until the second node's OCPP listener accepts connections, the last step of its start-up. */
	private static void awaitListening(Process node, int port) {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
			assertThat(node.isAlive()).as("the second node is running").isTrue();
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				return true;
			}
			catch (IOException notYet) {
				return false;
			}
		});
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}
}
