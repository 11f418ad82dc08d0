package io.chargepay.simulator.transport;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Where one charger's work runs: one task at a time, in the order given, now or after a delay. All of a charger's
 * state lives on its lane, so it needs no locks, and thousands of chargers share a handful of threads.
 */
public interface Lane extends Executor {

	/** Runs the task on this lane after the delay, unless cancelled first. */
	Cancellable schedule(Duration delay, Runnable task);

	/** The lane's notion of "now" for latencies; virtual in tests. */
	default long nanoTime() {
		return System.nanoTime();
	}

	interface Cancellable {

		Cancellable NONE = () -> {
		};

		void cancel();
	}
}
