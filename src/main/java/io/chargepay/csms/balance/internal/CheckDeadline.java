package io.chargepay.csms.balance.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.chargepay.csms.balance.BalanceProperties;
import io.chargepay.csms.balance.ProviderAnswer;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * One deadline for all the chain calls of a check, {@code csms.balance.check-timeout} (3 s): each RPC call has its own
 * timeout, but a node that answers each of a check's six to eight calls just in time would otherwise hold the caller
 * for half a minute. A check past the deadline is an ERROR saying so; its calls run on a bounded pool of their own
 * and are interrupted. When that pool and its queue are full the check is an ERROR at once, not a wait.
 */
@Component
public class CheckDeadline implements DisposableBean {

	static final int THREADS = 32;
	static final int QUEUE = 512;

	private final Duration timeout;
	private final ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
			new LinkedBlockingQueue<>(QUEUE), new CustomizableThreadFactory("balance-check-"));

	@Autowired
	CheckDeadline(BalanceProperties properties) {
		this(properties.balance().checkTimeout());
	}

	CheckDeadline(Duration timeout) {
		this.timeout = timeout;
		pool.allowCoreThreadTimeOut(true);
	}

	/** {@code provider}'s answer, or an ERROR answer when it takes longer than the deadline or cannot start. */
	public ProviderAnswer within(Supplier<ProviderAnswer> provider) {
		Future<ProviderAnswer> answer;
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		try {
			answer = pool.submit(() -> {
				// The caller's log context (the charger and message being handled) goes with its check.
				if (logContext != null) {
					MDC.setContextMap(logContext);
				}
				try {
					return provider.get();
				}
				finally {
					MDC.clear();
				}
			});
		}
		catch (RejectedExecutionException saturated) {
			return ProviderAnswer.error("too many balance checks in flight (" + (THREADS + QUEUE) + "); try again",
					Map.of());
		}
		try {
			return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException late) {
			answer.cancel(true);
			return ProviderAnswer.error("balance check exceeded csms.balance.check-timeout (" + timeout.toMillis()
					+ " ms)", Map.of());
		}
		catch (ExecutionException failed) {
			throw failed.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException("balance provider failed", failed.getCause());
		}
		catch (InterruptedException interrupted) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			return ProviderAnswer.error("balance check interrupted", Map.of());
		}
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}
}
