package io.chargepay.csms.ocpp.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.UpgradeProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** With one worker, a task that holds it makes the next one wait: the queue is "deep" for as long as we choose. */
@CsmsIntegrationTest
@TestPropertySource(properties = { "csms.ocpp.worker-threads=1", "csms.ocpp.busy-queue-wait=200ms" })
class AdmissionControlIntegrationTests {

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	OcppWorkers workers;
	@Autowired
	MeterRegistry meters;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	BalanceService balance;

	@Test
	void answersUpgradesWith503AndRetryAfterWhileMessagesWaitTooLongForAWorkerAndAdmitsThemOnceTheQueueMoves() {
		String chargerId = new Fleet(chargers, identity, balance).newCharger();
		String credentials = UpgradeProbe.basic(chargerId, Fleet.CHARGER_KEY);
		double busyBefore = busyRefusals();
		CountDownLatch release = new CountDownLatch(1);
		try {
			workers.execute(() -> awaitQuietly(release));
			workers.execute(() -> { });
			await().atMost(Duration.ofSeconds(5))
					.until(() -> workers.longestWait().compareTo(Duration.ofMillis(200)) > 0);

			UpgradeProbe.Response refused = UpgradeProbe.upgrade(port, "/ocpp/" + chargerId, "ocpp1.6", credentials);

			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.header("Retry-After")).isEqualTo("5");
			assertThat(busyRefusals()).isEqualTo(busyBefore + 1);
		}
		finally {
			release.countDown();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> workers.longestWait().isZero());

		assertThat(UpgradeProbe.upgrade(port, "/ocpp/" + chargerId, "ocpp1.6", credentials).status()).isEqualTo(101);
	}

	private double busyRefusals() {
		var counter = meters.find("csms.ocpp.upgrades.refused").tag("reason", "busy").counter();
		return counter == null ? 0 : counter.count();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
