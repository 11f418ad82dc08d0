package io.chargepay.csms.ocpp.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.chargepay.csms.ocpp.OcppProperties;
import org.junit.jupiter.api.Test;

class OcppWorkersTests {

	@Test
	void neverRunsMoreThreadsThanConfiguredAndMakesTheSubmitterWaitWhenTheQueueIsFull() throws Exception {
		OcppWorkers workers = new OcppWorkers(properties(4, 2));
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger finished = new AtomicInteger();
		try {
			for (int i = 0; i < 6; i++) { // 4 running, 2 queued
				workers.execute(() -> awaitQuietly(release, finished));
			}
			Thread submitter = new Thread(() -> workers.execute(() -> awaitQuietly(release, finished)));
			submitter.start();

			await().atMost(Duration.ofSeconds(5)).until(() -> submitter.getState() == Thread.State.WAITING);
			assertThat(workers.activeThreads()).isEqualTo(4);

			release.countDown();
			submitter.join(5_000);
			await().atMost(Duration.ofSeconds(5)).until(() -> finished.get() == 7);
			assertThat(workers.activeThreads()).isEqualTo(4);
		}
		finally {
			release.countDown();
			workers.destroy();
		}
	}

	private static void awaitQuietly(CountDownLatch latch, AtomicInteger finished) {
		try {
			latch.await();
			finished.incrementAndGet();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static OcppProperties properties(int threads, int queue) {
		return new OcppProperties("127.0.0.1", 0, Duration.ofSeconds(30), Duration.ofSeconds(300), 65536, threads, queue,
				32, 0, Duration.ofSeconds(8), Duration.ofMinutes(15), new OcppProperties.Limits(Duration.ofSeconds(10),
						8192, 200, 10, 30, Duration.ofMinutes(1), List.of()),
				new OcppProperties.Admission(1, 1000, Duration.ofSeconds(10)),
				new OcppProperties.BalanceGate(32, 1000, 30), null);
	}
}
