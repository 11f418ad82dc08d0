package io.chargepay.csms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The bundled simulator (its jar, in its own process, over real WebSockets) against the CSMS in this process: a
 * session driven from the REST API, an offline replay, and a 500-charger load smoke test.
 */
@CsmsIntegrationTest
// A fleet needs the production pool size; the small test default is for the many cached contexts of other classes.
@org.springframework.test.context.TestPropertySource(properties = "csms.test.pool-size=16")
class SimulatorEndToEndIntegrationTests {

	private static final Path SIMULATOR = Path.of("charger-simulator", "target", "charger-simulator.jar");

	@LocalServerPort
	int port;
	@Value("${local.ocpp.port}")
	int ocppPort;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	BalanceService balance;
	@Autowired
	ChargerCommands commands;
	@Autowired
	JdbcTemplate jdbc;

	Fleet fleet;

	@BeforeEach
	void requireSimulator() {
		assertThat(SIMULATOR).as("build the simulator first: ./mvnw -B -f charger-simulator/pom.xml verify").exists();
		fleet = new Fleet(chargers, identity, balance);
	}

	@Test
	void runsARemoteSessionFromRestStartToPaymentLink() throws Exception {
		String chargerId = fleet.newCharger();
		String idTag = fleet.newDriverTag();
		String userId = fleet.userOf(idTag);
		Process charger = simulator("charger", "--url", ocppUrl(), "--id", chargerId, "--password", Fleet.CHARGER_KEY,
				"--meter-interval", "1", "--power-kw", "11");
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> commands.isConnected(chargerId));
			Api api = new Api(port);

			Api.Response started = api.post("/api/v1/session/start", Tokens.driver(userId), Map.of("userId", userId,
					"chargerId", chargerId, "walletAddress", fleet.walletOf(idTag), "chain", Fleet.CHAIN,
					"expectedMaxCost", 10));
			assertThat(started.status()).as(started.text()).isEqualTo(201);
			String sessionId = started.body().get("sessionId").asString();
			await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(
					api.get("/api/v1/session/" + sessionId, Tokens.driver(userId)).body().get("status").asString()));
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
					"select count(*) from meter_values where session_id = ?", Integer.class, sessionId) >= 2);

			Api.Response stopped = api.post("/api/v1/session/stop", Tokens.driver(userId),
					Map.of("userId", userId, "sessionId", sessionId));

			assertThat(stopped.status()).as(stopped.text()).isEqualTo(200);
			JsonNode body = stopped.body();
			assertThat(body.get("status").asString()).isEqualTo("COMPLETED");
			assertThat(body.get("energyWh").asLong()).isPositive();
			assertThat(body.get("paymentLinkId").asString()).isNotBlank();
			assertThat(body.get("url").asString()).contains("/pay/");
		}
		finally {
			charger.destroy();
			charger.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void replaysTransactionMessagesQueuedWhileOfflineWithNothingLost() throws Exception {
		String chargerId = fleet.newCharger();
		String idTag = fleet.newDriverTag();

		Process scenario = simulator("scenario", "offline-replay", "--url", ocppUrl(), "--id", chargerId,
				"--password", Fleet.CHARGER_KEY, "--id-tag", idTag);

		assertThat(scenario.waitFor(90, TimeUnit.SECONDS)).isTrue();
		assertThat(scenario.exitValue()).as(output(scenario)).isZero();
		List<Map<String, Object>> sessions = jdbc.queryForList(
				"select id, status, energy_wh from charging_sessions where charger_id = ?", chargerId);
		assertThat(sessions).hasSize(1);
		assertThat(sessions.get(0).get("status")).isEqualTo("COMPLETED");
		assertThat(jdbc.queryForObject("select count(*) from meter_values where session_id = ?", Integer.class,
				sessions.get(0).get("id"))).isPositive();
		assertThat(jdbc.queryForObject("select count(*) from quarantined_messages where charger_id = ?", Integer.class,
				chargerId)).isZero();
	}

	@Test
	void holdsFiveHundredSimulatedChargersForTwentySecondsWithoutAnError() throws Exception {
		String prefix = "E2E" + UUID.randomUUID().toString().substring(0, 6) + "-";
		for (int i = 1; i <= 500; i++) {
			chargers.register(String.format("%s%05d", prefix, i), Fleet.CHARGER_KEY);
		}
		String idTag = fleet.newDriverTag(new BigDecimal("1000000"));

		Process load = simulator("load", "--url", ocppUrl(), "--chargers", "500", "--id-prefix", prefix,
				"--password", Fleet.CHARGER_KEY, "--ramp", "50", "--connect-timeout", "30s", "--duration", "20s", "--heartbeat-interval", "5",
				"--meter-interval", "5", "--transaction-share", "0.2", "--id-tag", idTag);

		assertThat(load.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(load.exitValue()).as(output(load)).isZero();
	}

	private String ocppUrl() {
		return "ws://127.0.0.1:" + ocppPort + "/ocpp";
	}

	private final Map<Process, Path> logs = new java.util.HashMap<>();

	private Process simulator(String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", SIMULATOR.toString()));
		command.addAll(List.of(args));
		Path log = Files.createTempFile("simulator-", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
				.start();
		logs.put(process, log);
		return process;
	}

	/** The end of the simulator's output, for the failure message. */
	private String output(Process process) {
		try {
			String text = Files.readString(logs.get(process));
			return "simulator exited " + process.exitValue() + ":\n" + text.substring(Math.max(0, text.length() - 4000));
		}
		catch (IOException e) {
			return "simulator exited " + process.exitValue();
		}
	}
}
