package io.chargepay.simulator.transport;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads and the HTTP client that every charger of this process shares: a few workers that run the lanes, one
 * timer thread, and one {@link HttpClient}. Nothing here grows with the number of chargers.
 */
public final class SharedRuntime implements AutoCloseable {

	private final ExecutorService workers;
	private final ExecutorService httpCompletions;
	private final ScheduledThreadPoolExecutor timer;
	private final HttpClient httpClient;

	public SharedRuntime(TlsSettings tls, Duration connectTimeout) {
		int cores = Runtime.getRuntime().availableProcessors();
		this.workers = Executors.newFixedThreadPool(Math.max(2, cores), daemon("sim-worker-"));
		this.httpCompletions = Executors.newFixedThreadPool(2, daemon("sim-http-"));
		this.timer = new ScheduledThreadPoolExecutor(1, daemon("sim-timer-"));
		// Call timeouts are cancelled far more often than they fire; without this the queue fills with dead entries.
		this.timer.setRemoveOnCancelPolicy(true);
		this.httpClient = HttpClients.create(tls, httpCompletions, connectTimeout);
	}

	public Lane newLane() {
		return new SerialLane(workers, timer, (thread, error) -> {
			System.err.println("simulator task failed on " + thread.getName() + ": " + error);
			error.printStackTrace(System.err);
		});
	}

	/** The shared timer, for drivers outside the chargers (ramp, progress, load cycles); keep its tasks short. */
	public ScheduledExecutorService timer() {
		return timer;
	}

	public HttpClient httpClient() {
		return httpClient;
	}

	@Override
	public void close() {
		timer.shutdownNow();
		workers.shutdown();
		httpCompletions.shutdown();
		try {
			workers.awaitTermination(2, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		workers.shutdownNow();
		httpCompletions.shutdownNow();
	}

	private static ThreadFactory daemon(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
