package io.chargepay.csms.ocpp.internal.action;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.chargepay.csms.ocpp.OcppProperties;
import io.chargepay.csms.ocpp.internal.FixedWindows;
import io.chargepay.csms.ocpp.internal.rpc.ErrorCode;
import io.chargepay.csms.ocpp.internal.rpc.OcppError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Where the messages that may wait for a balance check are handled: a check reads the chain for up to
 * csms.balance.check-timeout, and on the OCPP workers 16 such waits stalled every charger's Heartbeats and MeterValues
 * (issue 17). Here the worker hands the message over and is free at once; the charger's next message still waits for
 * this one's answer (its Mailbox). Bounded twice: the pool and its queue, and per charger a number of such messages a
 * minute, so that one charger cannot flood the RPC node. Beyond either the message is answered with a CALLERROR at
 * once, and no check is made.
 */
@Component
class BalanceGate implements DisposableBean {

	static final int TRACKED_CHARGERS = 100_000;

	private final ThreadPoolExecutor pool;
	private final FixedWindows<String> perCharger = new FixedWindows<>(Duration.ofMinutes(1), TRACKED_CHARGERS);
	private final int perChargerPerMinute;
	private final Counter refusedBusy;
	private final Counter refusedRate;

	BalanceGate(OcppProperties properties, MeterRegistry meters) {
		OcppProperties.BalanceGate gate = properties.balanceGate();
		this.pool = new ThreadPoolExecutor(gate.threads(), gate.threads(), 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(gate.queueCapacity()), new CustomizableThreadFactory("ocpp-balance-gate-"),
				new ThreadPoolExecutor.AbortPolicy());
		pool.allowCoreThreadTimeOut(true);
		this.perChargerPerMinute = gate.perChargerPerMinute();
		Gauge.builder("csms.ocpp.balance.gate.queued", pool, executor -> executor.getQueue().size())
				.description("Balance-gated charger messages waiting for a thread").register(meters);
		this.refusedBusy = refused(meters, "busy");
		this.refusedRate = refused(meters, "charger_rate");
	}

	private static Counter refused(MeterRegistry meters, String reason) {
		return Counter.builder("csms.ocpp.balance.gate.refused").tag("reason", reason)
				.description("Balance-gated charger messages answered with a CALLERROR without a check")
				.register(meters);
	}

	/** {@code handling} on the gate's pool, with the caller's log context; failed with an OcppError when refused. */
	<T> CompletableFuture<T> handle(String chargerId, Supplier<T> handling) {
		Optional<Duration> wait = perCharger.tryCount(chargerId, perChargerPerMinute);
		if (wait.isPresent()) {
			refusedRate.increment();
			return CompletableFuture.failedFuture(new OcppError(ErrorCode.GenericError, "More than "
					+ perChargerPerMinute + " Authorize/StartTransaction messages from this charger within a minute; "
					+ "retry in " + Math.max(1, wait.get().toSeconds()) + " s"));
		}
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		try {
			return CompletableFuture.supplyAsync(() -> {
				if (logContext != null) {
					MDC.setContextMap(logContext);
				}
				try {
					return handling.get();
				}
				finally {
					MDC.clear();
				}
			}, pool);
		}
		catch (RejectedExecutionException full) {
			refusedBusy.increment();
			return CompletableFuture.failedFuture(new OcppError(ErrorCode.GenericError,
					"The central system is busy with balance checks; retry shortly"));
		}
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}
}
