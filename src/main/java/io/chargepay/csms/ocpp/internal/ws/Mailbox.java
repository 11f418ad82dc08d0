package io.chargepay.csms.ocpp.internal.ws;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one charger's messages one after another, in arrival order, on the shared worker pool. A message may finish
 * later than its task returns (its answer waits for a group commit): the next one starts only once it has finished,
 * and no worker waits for it meanwhile.
 * <p>
 * At most one drain per charger is ever queued in the pool, and a drain never resubmits itself: a worker never waits
 * for room in the queue it serves. Only a message finishing on another thread submits the next drain.
 */
final class Mailbox {

	private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

	private final Queue<Supplier<CompletionStage<?>>> tasks = new ConcurrentLinkedQueue<>();
	private final AtomicInteger size = new AtomicInteger();
	private final AtomicBoolean draining = new AtomicBoolean();
	private final Executor workers;
	private final int capacity;

	Mailbox(Executor workers, int capacity) {
		this.workers = workers;
		this.capacity = capacity;
	}

	/** False when the charger already has {@code capacity} messages waiting. */
	boolean offer(Supplier<CompletionStage<?>> task) {
		if (size.incrementAndGet() > capacity) {
			size.decrementAndGet();
			return false;
		}
		tasks.add(task);
		if (draining.compareAndSet(false, true)) {
			workers.execute(this::drain);
		}
		return true;
	}

	private void drain() {
		do {
			Supplier<CompletionStage<?>> task;
			while ((task = tasks.poll()) != null) {
				size.decrementAndGet();
				if (continuesElsewhere(runSafely(task))) {
					return;
				}
			}
			draining.set(false);
		}
		while (!tasks.isEmpty() && draining.compareAndSet(false, true));
	}

	/**
	 * Whoever comes second, this drain or the message finishing, carries on. A message that finished on this worker, or
	 * meanwhile, lets this drain go on; one that finishes later carries on on the thread that completed it, and this
	 * worker is free.
	 */
	private boolean continuesElsewhere(CompletableFuture<?> finished) {
		if (finished.isDone()) {
			// Most messages: answered on this worker already, so no hand-over to arrange.
			finished.whenComplete(Mailbox::logFailure);
			return false;
		}
		AtomicBoolean firstArrived = new AtomicBoolean();
		finished.whenComplete((ignored, failure) -> {
			logFailure(ignored, failure);
			if (!firstArrived.compareAndSet(false, true)) {
				resume();
			}
		});
		return firstArrived.compareAndSet(false, true);
	}

	private static void logFailure(@Nullable Object ignored, @Nullable Throwable failure) {
		if (failure != null) {
			log.error("OCPP message task failed", failure);
		}
	}

	/** On the thread that finished a message: drain what arrived meanwhile, on a worker. */
	private void resume() {
		draining.set(false);
		if (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
			workers.execute(this::drain);
		}
	}

	private static CompletableFuture<?> runSafely(Supplier<CompletionStage<?>> task) {
		try {
			return task.get().toCompletableFuture();
		}
		catch (RuntimeException | Error failure) {
			// An Error too: the drain must go on, or the charger's later messages would never run.
			return CompletableFuture.failedFuture(failure);
		}
	}
}
