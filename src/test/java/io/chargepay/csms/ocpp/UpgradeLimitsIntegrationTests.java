package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.UpgradeProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * What a peer can cost the listener before it has authenticated: refused credentials per address and per identity,
 * open connections per address, the time and the bytes an upgrade request may take. Each test connects from its own
 * loopback address (127.0.0.N), so their per-address counts never meet.
 */
@CsmsIntegrationTest
@TestPropertySource(properties = { "csms.ocpp.limits.failed-upgrades-per-address=3",
		"csms.ocpp.limits.failed-upgrades-per-identity=5", "csms.ocpp.limits.failed-upgrade-window=1m",
		"csms.ocpp.limits.connections-per-address=3", "csms.ocpp.limits.upgrade-deadline=8s",
		"csms.ocpp.limits.max-upgrade-request-bytes=4096", "csms.ocpp.limits.exempt-addresses=127.0.0.20" })
class UpgradeLimitsIntegrationTests {

	private static final String WRONG_KEY = "not-this-chargers-key-at-all";

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	BalanceService balance;
	@Autowired
	MeterRegistry meters;

	Fleet fleet;

	@BeforeEach
	void fleet() {
		fleet = new Fleet(chargers, identity, balance);
	}

	@Test
	void anAddressWithTooManyRefusedKeysGets429WithRetryAfterEvenForARightKey() {
		for (int i = 0; i < 3; i++) {
			assertThat(upgrade("127.0.0.2", fleet.newCharger(), WRONG_KEY).status()).isEqualTo(401);
		}
		String charger = fleet.newCharger();

		UpgradeProbe.Response limited = upgrade("127.0.0.2", charger, Fleet.CHARGER_KEY);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
		assertThat(upgrade("127.0.0.3", charger, Fleet.CHARGER_KEY).status())
				.as("another address is not limited").isEqualTo(101);
	}

	@Test
	void anIdentityWithTooManyRefusedKeysFromAnyAddressesGets429() {
		String charger = fleet.newCharger();
		for (int source = 4; source < 9; source++) {
			assertThat(upgrade("127.0.0." + source, charger, WRONG_KEY).status()).isEqualTo(401);
		}

		UpgradeProbe.Response limited = upgrade("127.0.0.9", charger, Fleet.CHARGER_KEY);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isNotBlank();
		assertThat(upgrade("127.0.0.9", fleet.newCharger(), Fleet.CHARGER_KEY).status())
				.as("the address itself is not limited").isEqualTo(101);
	}

	@Test
	void anExemptAddressIsNotLimitedByItsRefusedKeys() {
		for (int i = 0; i < 5; i++) {
			assertThat(upgrade("127.0.0.20", fleet.newCharger(), WRONG_KEY).status()).isEqualTo(401);
		}
		assertThat(upgrade("127.0.0.20", fleet.newCharger(), Fleet.CHARGER_KEY).status()).isEqualTo(101);
	}

	@Test
	void connectionsBeyondTheCapOfAnAddressAreClosedAtOnceAndAdmittedAgainWhenOneCloses() throws IOException {
		List<Socket> upgraded = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				Socket socket = UpgradeProbe.connectFrom("127.0.0.10", port);
				upgraded.add(socket);
				String chargerId = fleet.newCharger();
				assertThat(UpgradeProbe.upgrade(socket, port, "/ocpp/" + chargerId, "ocpp1.6",
						UpgradeProbe.basic(chargerId, Fleet.CHARGER_KEY)).status()).isEqualTo(101);
			}
			try (Socket beyond = UpgradeProbe.connectFrom("127.0.0.10", port)) {
				assertThat(closedByServer(beyond)).as("the fourth connection is closed without an answer").isTrue();
			}
			assertThat(upgrade("127.0.0.11", fleet.newCharger(), Fleet.CHARGER_KEY).status())
					.as("another address is not capped").isEqualTo(101);
		}
		finally {
			for (Socket socket : upgraded) {
				socket.close();
			}
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				upgrade("127.0.0.10", fleet.newCharger(), Fleet.CHARGER_KEY).status()).isEqualTo(101));
	}

	@Test
	void aConnectionThatNeverCompletesItsUpgradeRequestIsClosedAtTheDeadline() throws IOException {
		double expiredBefore = meters.counter("csms.ocpp.upgrades.deadline.expired").count();
		try (Socket slow = UpgradeProbe.connectFrom("127.0.0.12", port)) {
			slow.setSoTimeout(20_000);
			OutputStream out = slow.getOutputStream();
			out.write(("GET /ocpp/" + fleet.newCharger() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			out.flush();

			assertThat(slow.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
		}
		assertThat(meters.counter("csms.ocpp.upgrades.deadline.expired").count()).isEqualTo(expiredBefore + 1);
	}

	@Test
	void anUpgradeRequestLongerThanTheLimitIsClosedBeforeTheDeadline() throws IOException {
		try (Socket verbose = UpgradeProbe.connectFrom("127.0.0.13", port)) {
			verbose.setSoTimeout(4_000);
			OutputStream out = verbose.getOutputStream();
			out.write(("GET /ocpp/" + fleet.newCharger() + " HTTP/1.1\r\nX-Padding: " + "a".repeat(5_000) + "\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			out.flush();

			assertThat(closedByServer(verbose)).isTrue();
		}
	}

	private UpgradeProbe.Response upgrade(String source, String chargerId, String key) {
		try (Socket socket = UpgradeProbe.connectFrom(source, port)) {
			return UpgradeProbe.upgrade(socket, port, "/ocpp/" + chargerId, "ocpp1.6",
					UpgradeProbe.basic(chargerId, key));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** True when the server closed the socket (end of stream or reset) before its read timeout. */
	private static boolean closedByServer(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		try {
			return in.read() == -1;
		}
		catch (SocketTimeoutException stillOpen) {
			return false;
		}
		catch (java.net.SocketException reset) {
			return true;
		}
	}
}
