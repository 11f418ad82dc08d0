package io.chargepay.csms.ocpp.internal.ws;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.chargepay.csms.ocpp.OcppProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The bounded pool on which upgrades are decided. Deciding one can cost a PBKDF2 check (~8 ms of CPU) and a database
 * read; on the listener's decoders, which also read every connected charger's frames, a connect storm of chosen keys
 * held up the Heartbeats of chargers long connected (issue 17: p99 825 ms after the storm). Here a storm waits for
 * these few threads, which run at the workers' priority, and once {@code queueCapacity} upgrades wait the next is
 * answered 503 at once.
 */
@Component
class Admissions implements DisposableBean {

	private final ThreadPoolExecutor pool;
	private final Duration retryAfter;

	Admissions(OcppProperties properties, MeterRegistry meters) {
		OcppProperties.Admission admission = properties.admission();
		CustomizableThreadFactory threads = new CustomizableThreadFactory("ocpp-admission-");
		threads.setThreadPriority(OcppWorkers.WORKER_PRIORITY);
		int size = admission.effectiveThreads();
		this.pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(admission.queueCapacity()), threads, new ThreadPoolExecutor.AbortPolicy());
		this.retryAfter = admission.retryAfter();
		Gauge.builder("csms.ocpp.admission.queued", pool, executor -> executor.getQueue().size())
				.description("Upgrades waiting for an admission thread").register(meters);
	}

	/** Runs {@code decision} on the pool; fails with RejectedExecutionException when the pool's queue is full. */
	CompletableFuture<Void> submit(Runnable decision) throws RejectedExecutionException {
		return CompletableFuture.runAsync(decision, pool);
	}

	/** The Retry-After of an upgrade refused because the queue was full. */
	Duration retryAfter() {
		return retryAfter;
	}

	@Override
	public void destroy() throws InterruptedException {
		pool.shutdownNow();
		pool.awaitTermination(5, TimeUnit.SECONDS);
	}
}
