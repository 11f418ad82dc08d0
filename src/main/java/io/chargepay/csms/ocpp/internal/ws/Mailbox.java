package io.chargepay.csms.ocpp.internal.ws;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one charger's messages one after another, in arrival order, on the shared worker pool. At most one drain per
 * charger is ever queued in the pool, and a drain never resubmits itself: a worker never waits for room in the queue
 * it serves.
 */
final class Mailbox {

	private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
	private final AtomicInteger size = new AtomicInteger();
	private final AtomicBoolean draining = new AtomicBoolean();
	private final Executor workers;
	private final int capacity;

	Mailbox(Executor workers, int capacity) {
		this.workers = workers;
		this.capacity = capacity;
	}

	/** False when the charger already has {@code capacity} messages waiting. */
	boolean offer(Runnable task) {
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
			Runnable task;
			while ((task = tasks.poll()) != null) {
				size.decrementAndGet();
				runSafely(task);
			}
			draining.set(false);
		}
		while (!tasks.isEmpty() && draining.compareAndSet(false, true));
	}

	private static void runSafely(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException failure) {
			log.error("OCPP message task failed", failure);
		}
	}
}
