package io.chargepay.csms.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.TestDatabase;
import io.chargepay.csms.support.Tokens;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ArrayNode;

/**
 * The design card's driver, MySQL Connector/J ({@code jdbc:mysql://}), against the MariaDB server of the tests: the
 * dialect follows the server, so the balance-gated paths that lock rows work (issue 16, §2).
 */
@CsmsIntegrationTest
@TestPropertySource(properties = "csms.test.driver=mysql")
class MySqlDriverOnMariaDbIntegrationTests {

	@LocalServerPort
	int port;
	@Value("${local.ocpp.port}")
	int ocppPort;
	@Value("${spring.datasource.url}")
	String url;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	BalanceService balance;
	@Autowired
	ChargerCommands commands;
	@Autowired
	EntityManagerFactory entityManagers;
	@Autowired
	DataSource dataSource;
	@Autowired
	JdbcTemplate jdbc;

	Fleet fleet;
	String chargerId;
	TestCharger charger;

	@BeforeAll
	static void onlyOnMariaDb() {
		Assumptions.assumeTrue(TestDatabase.isMariaDbServer(),
				"needs a MariaDB server in CSMS_TEST_DATASOURCE_URL (jdbc:mariadb://...) to reach it through jdbc:mysql://");
	}

	@BeforeEach
	void connect() {
		fleet = new Fleet(chargers, identity, balance);
		chargerId = fleet.newCharger();
		charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY);
		await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void choosesTheMariaDbDialectAndADriverThatKeepsFractionalSeconds() {
		assertThat(url).startsWith("jdbc:mysql:");
		assertThat(entityManagers.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect())
				.isInstanceOf(MariaDBDialect.class);
		// MariaDB 10.x announces itself as 5.5.5-10.x, for which Connector/J cuts milliseconds (MariaDbDriverSwitch).
		assertThat(((HikariDataSource) dataSource).getJdbcUrl()).startsWith("jdbc:mariadb:");
	}

	@Test
	void startsABalanceGatedSessionFromTheApp() {
		String idTag = fleet.newDriverTag();
		String userId = fleet.userOf(idTag);
		CompletableFuture<Api.Response> started = CompletableFuture.supplyAsync(() -> new Api(port).post(
				"/api/v1/session/start", Tokens.driver(userId), Map.of("userId", userId, "chargerId", chargerId,
						"walletAddress", fleet.walletOf(idTag), "chain", Fleet.CHAIN, "expectedMaxCost", 10)));
		ArrayNode remoteStart = charger.expectCall("RemoteStartTransaction");
		charger.answer(remoteStart, Map.of("status", "Accepted"));

		Api.Response response = started.join();
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		assertThat(response.body().get("balanceStatus").asString()).isEqualTo("SUFFICIENT");
	}

	@Test
	void authorizesAnRfidTagWithItsBalanceCheckAndKeepsMillisecondsOfTheStart() {
		String idTag = fleet.newDriverTag();

		assertThat(charger.result("Authorize", Map.of("idTag", idTag)).get("idTagInfo").get("status").asString())
				.isEqualTo("Accepted");
		int transactionId = charger.result("StartTransaction", Map.of("connectorId", 1, "idTag", idTag,
				"meterStart", 0, "timestamp", "2026-06-01T10:00:00.123Z")).get("transactionId").asInt();

		assertThat(jdbc.queryForObject("select started_at from charging_sessions where transaction_id = ?",
				LocalDateTime.class, transactionId)).isEqualTo(LocalDateTime.parse("2026-06-01T10:00:00.123"));
	}
}
