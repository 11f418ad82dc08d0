package io.chargepay.simulator.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.PriorityQueue;

import io.chargepay.simulator.transport.Lane;

/**
 * A lane with virtual time for unit tests: tasks run at once on the calling thread (one at a time, in order), and
 * timers fire only when the test advances the clock. No real waiting, no flakiness.
 */
public final class VirtualLane implements Lane {

	private record Timer(long due, long order, Runnable task, boolean[] cancelled) {
	}

	private final PriorityQueue<Timer> timers = new PriorityQueue<>(
			(a, b) -> a.due() != b.due() ? Long.compare(a.due(), b.due()) : Long.compare(a.order(), b.order()));
	private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
	private long now;
	private long order;
	private boolean running;

	@Override
	public void execute(Runnable task) {
		ready.add(task);
		if (running) {
			return;
		}
		running = true;
		try {
			while (!ready.isEmpty()) {
				ready.poll().run();
			}
		}
		finally {
			running = false;
		}
	}

	@Override
	public Cancellable schedule(Duration delay, Runnable task) {
		boolean[] cancelled = { false };
		timers.add(new Timer(now + delay.toNanos(), order++, task, cancelled));
		return () -> cancelled[0] = true;
	}

	@Override
	public long nanoTime() {
		return now;
	}

	/** Moves time forward, firing every timer that falls due on the way, each at its own moment. */
	public void advance(Duration duration) {
		long target = now + duration.toNanos();
		while (!timers.isEmpty() && timers.peek().due() <= target) {
			Timer timer = timers.poll();
			now = timer.due();
			if (!timer.cancelled()[0]) {
				execute(timer.task());
			}
		}
		now = target;
	}

	public int pendingTimers() {
		return (int) timers.stream().filter(timer -> !timer.cancelled()[0]).count();
	}
}
