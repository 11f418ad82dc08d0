package io.chargepay.csms.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerCommands;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Drives traffic through every path operators watch, scrapes /actuator/prometheus, and checks that every metric the
 * Grafana dashboards in grafana/dashboards query exists in the scrape.
 */
@CsmsIntegrationTest
@TestPropertySource(properties = { "csms.metrics.session-count-interval=200ms",
		"csms.metrics.connector-count-interval=200ms", "csms.metrics.payment-count-interval=200ms",
		"csms.chains.DEADCHAIN.rpc-url=http://127.0.0.1:9", "csms.chains.DEADCHAIN.chain-id=31337",
		"csms.chains.DEADCHAIN.native-symbol=ETH", "csms.chains.DEADCHAIN.fiat-price=2000",
		"csms.balance.rpc-timeout=1s" })
class DashboardMetricsIntegrationTests {

	private static final Pattern METRIC = Pattern.compile("\\bcsms_[a-z0-9_]+");

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

	@Test
	void everyMetricADashboardQueriesIsInTheScrape() throws IOException {
		driveTrafficThroughEveryPath();

		Set<String> queried = dashboardMetrics();
		assertThat(queried).hasSizeGreaterThan(15);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String scrape = new Api(port).get("/actuator/prometheus", Tokens.operator()).text();
			assertThat(queried).allSatisfy(metric -> assertThat(scrape).as(metric).containsPattern(
					"(?m)^" + Pattern.quote(metric) + "[{ ]"));
		});
	}

	private void driveTrafficThroughEveryPath() {
		Api api = new Api(port);
		Fleet fleet = new Fleet(chargers, identity, balance);
		String chargerId = fleet.newCharger();
		String idTag = fleet.newDriverTag();
		String userId = fleet.userOf(idTag);
		UpgradeProbe.upgrade(ocppPort, "/ocpp/" + chargerId, "ocpp1.6", UpgradeProbe.basic(chargerId, "wrong-key-123456"));
		String deadChainWallet = Fleet.newWalletAddress();
		identity.addWallet(userId, new Wallet(deadChainWallet, "DEADCHAIN", false));
		api.post("/api/v1/session/start", Tokens.driver(userId), Map.of("userId", userId, "chargerId", chargerId,
				"walletAddress", deadChainWallet, "chain", "DEADCHAIN", "expectedMaxCost", 5));
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY)) {
			await().atMost(Duration.ofSeconds(5)).until(() -> commands.isConnected(chargerId));
			charger.result("BootNotification", Map.of("chargePointVendor", "ACME", "chargePointModel", "M"));
			charger.result("Heartbeat", Map.of());
			charger.result("StatusNotification", Map.of("connectorId", 1, "errorCode", "NoError", "status", "Charging"));
			charger.call("Authorize", Map.of("idTag", "X".repeat(25)));
			charger.sendRaw("not a frame at all");
			charger.sendRaw("[3,\"nobody-waits\",{}]");

			CompletableFuture<Api.Response> refused = CompletableFuture.supplyAsync(() -> start(api, userId, fleet.walletOf(idTag), chargerId));
			charger.answer(charger.expectCall("RemoteStartTransaction"), Map.of("status", "Rejected"));
			refused.join();

			CompletableFuture<Api.Response> started = CompletableFuture.supplyAsync(() -> start(api, userId, fleet.walletOf(idTag), chargerId));
			charger.answer(charger.expectCall("RemoteStartTransaction"), Map.of("status", "Accepted"));
			String sessionId = started.join().body().get("sessionId").asString();
			int transactionId = charger.result("StartTransaction", Map.of("connectorId", 1, "idTag", idTag,
					"meterStart", 0, "timestamp", Instant.now().toString())).get("transactionId").asInt();
			charger.result("MeterValues", Map.of("connectorId", 1, "transactionId", transactionId, "meterValue",
					java.util.List.of(Map.of("timestamp", Instant.now().toString(), "sampledValue",
							java.util.List.of(Map.of("value", "1500"))))));

			CompletableFuture<Api.Response> stopped = CompletableFuture.supplyAsync(() -> api.post(
					"/api/v1/session/stop", Tokens.driver(userId), Map.of("userId", userId, "sessionId", sessionId)));
			ArrayNode remoteStop = charger.expectCall("RemoteStopTransaction");
			charger.answer(remoteStop, Map.of("status", "Accepted"));
			charger.result("StopTransaction", Map.of("transactionId", transactionId, "meterStop", 4_000,
					"timestamp", Instant.now().toString(), "reason", "Remote"));
			JsonNode stop = stopped.join().body();

			api.post("/api/v1/session/" + sessionId + "/payment-link", Tokens.driver(userId), Map.of());
			String livePage = api.get("/api/v1/session/" + sessionId + "/payment-links", Tokens.driver(userId)).body()
					.valueStream().filter(link -> "ACTIVE".equals(link.get("status").asString())).findFirst()
					.orElseThrow().get("url").asString().replaceFirst("^https?://[^/]+", "");
			api.send(api.request(livePage, null).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
			assertThat(stop.get("paymentLinkId").asString()).isNotBlank();
		}
	}

	private static Api.Response start(Api api, String userId, String wallet, String chargerId) {
		return api.post("/api/v1/session/start", Tokens.driver(userId), Map.of("userId", userId, "chargerId", chargerId,
				"walletAddress", wallet, "chain", Fleet.CHAIN, "expectedMaxCost", BigDecimal.ONE));
	}

	static Set<String> dashboardMetrics() throws IOException {
		Path dashboards = Path.of("grafana", "dashboards");
		Set<String> metrics = new TreeSet<>();
		try (Stream<Path> files = Files.list(dashboards)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
				JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(file));
				for (JsonNode panel : dashboard.get("panels")) {
					for (JsonNode target : panel.get("targets")) {
						Matcher matcher = METRIC.matcher(target.get("expr").asString());
						while (matcher.find()) {
							metrics.add(matcher.group());
						}
					}
				}
			}
		}
		return metrics;
	}
}
