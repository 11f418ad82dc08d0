package io.chargepay.csms.ocpp.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class MailboxTests {

	@Test
	void runsOneChargersMessagesOneAtATimeInArrivalOrder() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		Mailbox mailbox = new Mailbox(pool, 1_000);
		List<Integer> seen = new CopyOnWriteArrayList<>();
		java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger maxRunning = new java.util.concurrent.atomic.AtomicInteger();

		IntStream.range(0, 500).forEach(i -> assertThat(mailbox.offer(() -> {
			maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
			seen.add(i);
			running.decrementAndGet();
		})).isTrue());
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

		assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
		assertThat(maxRunning.get()).isEqualTo(1);
	}

	@Test
	void refusesMessagesBeyondItsCapacity() {
		Mailbox mailbox = new Mailbox(task -> { }, 2); // a pool that never runs anything

		assertThat(mailbox.offer(() -> { })).isTrue();
		assertThat(mailbox.offer(() -> { })).isTrue();
		assertThat(mailbox.offer(() -> { })).isFalse();
	}
}
