package io.chargepay.csms.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.identity.Wallet;
import io.chargepay.csms.support.Anvil;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ArrayNode;

/**
 * A chain node that holds every call: while the balance checks of 50 RFID Authorizes wait on it (more than there are
 * OCPP workers), 500 other chargers' Heartbeats and MeterValues are answered; once the node answers, so are the
 * Authorizes. And one charger cannot send more balance-gated messages a minute than its limit.
 */
@CsmsIntegrationTest
class SlowChainFleetIntegrationTests {

	private static final String HELD_CHAIN = "HELDCHAIN";
	private static final int GATED_CHARGERS = 50;
	private static final int BUSY_CHARGERS = 500;
	private static final int PER_CHARGER_PER_MINUTE = 3;

	private static final HeldNode node = new HeldNode(EvmTestNodes.get().node.rpcUrl());

	@DynamicPropertySource
	static void heldChain(DynamicPropertyRegistry registry) {
		registry.add("csms.balance.rpc-timeout", () -> "60s");
		registry.add("csms.balance.check-timeout", () -> "60s");
		registry.add("csms.ocpp.balance-gate.per-charger-per-minute", () -> PER_CHARGER_PER_MINUTE);
		registry.add("csms.chains." + HELD_CHAIN + ".rpc-url", node::url);
		registry.add("csms.chains." + HELD_CHAIN + ".chain-id", () -> Anvil.CHAIN_ID);
		registry.add("csms.chains." + HELD_CHAIN + ".native-symbol", () -> "ETH");
		registry.add("csms.chains." + HELD_CHAIN + ".fiat-price", () -> TestChain.ETH_PRICE);
	}

	@AfterAll
	static void stopNode() {
		node.release();
		node.node.close();
	}

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	BalanceService balance;

	@Test
	void otherChargersAreAnsweredWhileRfidChecksWaitOnTheChain() {
		List<TestCharger> gated = connect(GATED_CHARGERS);
		List<TestCharger> busy = connect(BUSY_CHARGERS);
		node.hold();
		try {
			for (TestCharger charger : gated) {
				charger.sendRaw(call("Authorize", Map.of("idTag", driverOnHeldChain())));
			}
			// As many checks as the gate has threads (16, as many as the OCPP workers) wait on the node, the rest queue.
			await().atMost(Duration.ofSeconds(30)).until(() -> node.waiting.get() >= 16);

			for (TestCharger charger : busy) {
				charger.sendRaw(call("Heartbeat", Map.of()));
				charger.sendRaw(call("MeterValues", Map.of("connectorId", 1, "meterValue", List.of(Map.of(
						"timestamp", "2026-12-04T12:00:00Z", "sampledValue", List.of(Map.of("value", "1200")))))));
			}
			for (TestCharger charger : busy) {
				for (int answer = 0; answer < 2; answer++) {
					ArrayNode answered = charger.nextAnswer(30);
					assertThat(answered).as("answered while the checks wait on the chain").isNotNull();
					assertThat(answered.get(0).asInt()).as("a CALLRESULT").isEqualTo(3);
				}
			}
			assertThat(gated).as("no Authorize answered before the chain answered")
					.allSatisfy(charger -> assertThat(charger.nextAnswer(0)).isNull());

			node.release();
			for (TestCharger charger : gated) {
				ArrayNode answered = charger.nextAnswer(60);
				assertThat(answered).isNotNull();
				assertThat(answered.get(0).asInt()).isEqualTo(3);
				assertThat(answered.get(2).get("idTagInfo").get("status").asString()).isNotBlank();
			}
		}
		finally {
			closeAll(gated);
			closeAll(busy);
		}
	}

	@Test
	void aChargerBeyondItsBalanceGatedMessagesPerMinuteGetsGenericErrorWithoutACheck() {
		String idTag = new Fleet(chargers, identity, balance).newDriverTag();
		try (TestCharger charger = connect(1).get(0)) {
			for (int i = 0; i < PER_CHARGER_PER_MINUTE; i++) {
				assertThat(charger.call("Authorize", Map.of("idTag", idTag)).get(0).asInt()).isEqualTo(3);
			}
			int checksBefore = balance.history(new Fleet(chargers, identity, balance).userOf(idTag), 0, 100)
					.getNumberOfElements();

			ArrayNode refused = charger.call("Authorize", Map.of("idTag", idTag));

			assertThat(refused.get(0).asInt()).as("a CALLERROR").isEqualTo(4);
			assertThat(refused.get(2).asString()).isEqualTo("GenericError");
			assertThat(refused.get(3).asString()).contains("within a minute");
			assertThat(balance.history(new Fleet(chargers, identity, balance).userOf(idTag), 0, 100)
					.getNumberOfElements()).as("no check made for the refused message").isEqualTo(checksBefore);
		}
	}

	private List<TestCharger> connect(int count) {
		List<String> ids = IntStream.range(0, count).mapToObj(i -> "CP-GATE-" + UUID.randomUUID().toString()
				.substring(0, 13)).toList();
		List<String> keys = ids.stream().map(chargers::registerWithGeneratedKey).toList();
		List<TestCharger> connected = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			connected.add(TestCharger.connect(port, ids.get(i), keys.get(i)));
		}
		return connected;
	}

	private String driverOnHeldChain() {
		String suffix = UUID.randomUUID().toString().substring(0, 12);
		identity.createUser("user-" + suffix, List.of("H" + suffix),
				List.of(new Wallet(Fleet.newWalletAddress(), HELD_CHAIN, true)));
		return "H" + suffix;
	}

	private static String call(String action, Object payload) {
		return TestCharger.JSON.writeValueAsString(List.of(2, UUID.randomUUID().toString(), action, payload));
	}

	private static void closeAll(List<TestCharger> chargers) {
		chargers.forEach(TestCharger::close);
	}

	/** Anvil behind a node that, from {@link #hold()} until released, holds every call, counting the calls it holds. */
	private static final class HeldNode {

		final ProxyNode node;
		final AtomicInteger waiting = new AtomicInteger();
		private final CountDownLatch released = new CountDownLatch(1);
		private volatile boolean holding;

		HeldNode(String anvilUrl) {
			node = ProxyNode.start(anvilUrl, Executors.newCachedThreadPool(), (body, anvil) -> {
				waiting.incrementAndGet();
				try {
					if (holding) {
						released.await(120, TimeUnit.SECONDS);
					}
					return anvil.answer(body);
				}
				finally {
					waiting.decrementAndGet();
				}
			});
		}

		String url() {
			return node.url();
		}

		void hold() {
			holding = true;
		}

		void release() {
			released.countDown();
		}
	}
}
