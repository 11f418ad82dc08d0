package io.chargepay.csms.ocpp.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailboxTests {

	private final ExecutorService pool = Executors.newFixedThreadPool(8);

	@AfterEach
	void stopPool() {
		pool.shutdownNow();
	}

	@Test
	void runsOneChargersMessagesOneAtATimeInArrivalOrder() throws Exception {
		Mailbox mailbox = new Mailbox(pool, 1_000);
		List<Integer> seen = new CopyOnWriteArrayList<>();
		AtomicInteger running = new AtomicInteger();
		AtomicInteger maxRunning = new AtomicInteger();

		IntStream.range(0, 500).forEach(i -> assertThat(mailbox.offer(finishedAtOnce(() -> {
			maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
			seen.add(i);
			running.decrementAndGet();
		}))).isTrue());
		pool.shutdown();
		assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

		assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
		assertThat(maxRunning.get()).isEqualTo(1);
	}

	@Test
	void theNextMessageWaitsForOneThatFinishesLaterWhileTheWorkerServesOtherChargers() throws Exception {
		ExecutorService oneWorker = Executors.newSingleThreadExecutor();
		try {
			Mailbox charger = new Mailbox(oneWorker, 10);
			Mailbox otherCharger = new Mailbox(oneWorker, 10);
			CompletableFuture<Void> firstCommitted = new CompletableFuture<>();
			CountDownLatch secondRan = new CountDownLatch(1);
			CountDownLatch otherRan = new CountDownLatch(1);

			charger.offer(() -> firstCommitted);
			charger.offer(finishedAtOnce(secondRan::countDown));
			otherCharger.offer(finishedAtOnce(otherRan::countDown));

			assertThat(otherRan.await(10, TimeUnit.SECONDS)).as("the only worker served the other charger").isTrue();
			assertThat(secondRan.getCount()).as("second message still waiting").isEqualTo(1);
			firstCommitted.complete(null);
			assertThat(secondRan.await(10, TimeUnit.SECONDS)).as("second message ran once the first finished").isTrue();
		}
		finally {
			oneWorker.shutdownNow();
		}
	}

	@Test
	void aMessageThatFailsLaterStillLetsTheNextOneRun() throws Exception {
		Mailbox mailbox = new Mailbox(pool, 10);
		CompletableFuture<Void> first = new CompletableFuture<>();
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch secondRan = new CountDownLatch(1);

		mailbox.offer(() -> {
			firstStarted.countDown();
			return first;
		});
		mailbox.offer(finishedAtOnce(secondRan::countDown));
		assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
		first.completeExceptionally(new IllegalStateException("commit failed"));

		assertThat(secondRan.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void keepsOrderAndOneAtATimeWhenMessagesFinishOnAnotherThreadAtAnyMoment() throws Exception {
		ExecutorService committer = Executors.newSingleThreadExecutor();
		try {
			Mailbox mailbox = new Mailbox(pool, 1_000);
			List<Integer> seen = new CopyOnWriteArrayList<>();
			AtomicInteger running = new AtomicInteger();
			AtomicInteger maxRunning = new AtomicInteger();
			CountDownLatch allFinished = new CountDownLatch(500);

			// Each message finishes on the committer thread, racing the drain that started it.
			IntStream.range(0, 500).forEach(i -> assertThat(mailbox.offer(() -> {
				maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
				seen.add(i);
				return CompletableFuture.runAsync(() -> {
					running.decrementAndGet();
					allFinished.countDown();
				}, committer);
			})).isTrue());

			assertThat(allFinished.await(20, TimeUnit.SECONDS)).isTrue();
			assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 500).boxed().toList());
			assertThat(maxRunning.get()).isEqualTo(1);
		}
		finally {
			committer.shutdownNow();
		}
	}

	@Test
	void refusesMessagesBeyondItsCapacity() {
		Mailbox mailbox = new Mailbox(task -> { }, 2); // a pool that never runs anything

		assertThat(mailbox.offer(finishedAtOnce(() -> { }))).isTrue();
		assertThat(mailbox.offer(finishedAtOnce(() -> { }))).isTrue();
		assertThat(mailbox.offer(finishedAtOnce(() -> { }))).isFalse();
	}

	private static Supplier<CompletionStage<?>> finishedAtOnce(Runnable work) {
		return () -> {
			work.run();
			return CompletableFuture.completedFuture(null);
		};
	}
}
