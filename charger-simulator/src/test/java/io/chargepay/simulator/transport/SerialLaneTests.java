package io.chargepay.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialLaneTests {

	private final ExecutorService pool = Executors.newFixedThreadPool(2);
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
	private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void stopThreads() {
		pool.shutdownNow();
		timer.shutdownNow();
	}

	@Test
	void runsEachLanesTasksInOrderAndNeverTwoAtOnceWhileLanesShareTwoThreads() throws Exception {
		int lanes = 50;
		int tasksPerLane = 200;
		CountDownLatch done = new CountDownLatch(lanes * tasksPerLane);
		AtomicInteger overlaps = new AtomicInteger();
		List<List<Integer>> orders = new ArrayList<>();
		for (int l = 0; l < lanes; l++) {
			SerialLane lane = new SerialLane(pool, timer, (thread, error) -> failures.add(error));
			AtomicBoolean busy = new AtomicBoolean();
			List<Integer> order = new ArrayList<>();
			orders.add(order);
			for (int t = 0; t < tasksPerLane; t++) {
				int task = t;
				lane.execute(() -> {
					if (!busy.compareAndSet(false, true)) {
						overlaps.incrementAndGet();
					}
					order.add(task);
					busy.set(false);
					done.countDown();
				});
			}
		}

		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(overlaps).hasValue(0);
		for (List<Integer> order : orders) {
			assertThat(order).hasSize(tasksPerLane).isSorted();
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void runsTimersOnTheLaneAndSkipsCancelledOnes() throws Exception {
		SerialLane lane = new SerialLane(pool, timer, (thread, error) -> failures.add(error));
		List<String> fired = Collections.synchronizedList(new ArrayList<>());
		CompletableFuture<Void> last = new CompletableFuture<>();
		lane.schedule(Duration.ofMillis(30), () -> fired.add("second"));
		lane.schedule(Duration.ofMillis(10), () -> fired.add("first"));
		lane.schedule(Duration.ofMillis(20), () -> fired.add("cancelled")).cancel();
		lane.schedule(Duration.ofMillis(50), () -> last.complete(null));

		last.get(5, TimeUnit.SECONDS);

		assertThat(fired).containsExactly("first", "second");
	}

	@Test
	void keepsGoingAfterATaskThrows() throws Exception {
		SerialLane lane = new SerialLane(pool, timer, (thread, error) -> failures.add(error));
		CompletableFuture<String> after = new CompletableFuture<>();
		lane.execute(() -> {
			throw new IllegalStateException("boom");
		});
		lane.execute(() -> after.complete("ran"));

		assertThat(after.get(5, TimeUnit.SECONDS)).isEqualTo("ran");
		assertThat(failures).singleElement().isInstanceOf(IllegalStateException.class);
	}
}
