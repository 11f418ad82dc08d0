package io.chargepay.simulator.transport;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Lane} on shared threads: tasks go into this lane's queue and at most one pool thread drains it at a time.
 * Timers live on one shared scheduler and only hop onto the lane when they fire. This is what lets one process carry
 * ten thousand chargers without a thread per connection.
 */
public final class SerialLane implements Lane {

	/** How many tasks one turn may run before giving the pool thread back, so one busy charger cannot starve others. */
	private static final int BATCH = 64;

	private final Executor pool;
	private final ScheduledExecutorService timer;
	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
	private final AtomicInteger queued = new AtomicInteger();
	private final Thread.UncaughtExceptionHandler failures;

	public SerialLane(Executor pool, ScheduledExecutorService timer, Thread.UncaughtExceptionHandler failures) {
		this.pool = pool;
		this.timer = timer;
		this.failures = failures;
	}

	@Override
	public void execute(Runnable task) {
		tasks.add(task);
		if (queued.getAndIncrement() == 0) {
			pool.execute(this::drain);
		}
	}

	@Override
	public Cancellable schedule(Duration delay, Runnable task) {
		ScheduledFuture<?> future = timer.schedule(() -> execute(task), Math.max(0, delay.toNanos()),
				TimeUnit.NANOSECONDS);
		return () -> future.cancel(false);
	}

	private void drain() {
		for (int ran = 0; ran < BATCH; ran++) {
			Runnable task = tasks.poll();
			try {
				task.run();
			}
			catch (RuntimeException | Error e) {
				failures.uncaughtException(Thread.currentThread(), e);
			}
			if (queued.decrementAndGet() == 0) {
				return;
			}
		}
		// Tasks remain and this drain still owns the lane: hand it back to the pool and continue later.
		pool.execute(this::drain);
	}
}
