package io.chargepay.csms.ocpp.internal.ws;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.chargepay.csms.ocpp.OcppProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The bounded pool that runs charger messages. When its queue is full, the submitting listener thread waits for room:
 * the listener then stops reading sockets and TCP flow control slows the chargers down, instead of the pool growing.
 */
@Component
class OcppWorkers implements Executor, DisposableBean {

	static final int WORKER_PRIORITY = Thread.NORM_PRIORITY - 2;

	private final ThreadPoolExecutor pool;

	OcppWorkers(OcppProperties properties) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("ocpp-worker-");
		// Below the listener's selector (see OcppWebSocketServer#run): when the CPU is saturated, accepting and reading
		// sockets goes first. Takes effect with -XX:ThreadPriorityPolicy=1; a no-op otherwise.
		threads.setThreadPriority(WORKER_PRIORITY);
		this.pool = new ThreadPoolExecutor(properties.workerThreads(), properties.workerThreads(), 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.workerQueueCapacity()), threads, OcppWorkers::waitForRoom);
	}

	@Override
	public void execute(Runnable task) {
		pool.execute(task);
	}

	int activeThreads() {
		return pool.getPoolSize();
	}

	private static void waitForRoom(Runnable task, ThreadPoolExecutor pool) {
		if (pool.isShutdown()) {
			throw new RejectedExecutionException("OCPP workers are shut down");
		}
		try {
			pool.getQueue().put(task);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new RejectedExecutionException("Interrupted while waiting for an OCPP worker", interrupted);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.SECONDS);
	}
}
