package io.chargepay.csms.payment.internal;

import io.chargepay.csms.payment.PaymentProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The background work of payments, on its own thread so that a slow provider delays no other scheduled job: due
 * pending links are retried, ACTIVE links past their expiry are marked EXPIRED, and SessionEnded deliveries that
 * failed (a database outage) are delivered again.
 */
@Component
class PaymentJobs implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PaymentJobs.class);

	private final PendingLinks pending;
	private final Settlement settlement;
	private final SessionBilling billing;
	private final PaymentProperties properties;
	private volatile ThreadPoolTaskScheduler scheduler;

	PaymentJobs(PendingLinks pending, Settlement settlement, SessionBilling billing, PaymentProperties properties) {
		this.pending = pending;
		this.settlement = settlement;
		this.billing = billing;
		this.properties = properties;
	}

	@Override
	public void start() {
		ThreadPoolTaskScheduler started = new ThreadPoolTaskScheduler();
		started.setThreadNamePrefix("payments-");
		started.setWaitForTasksToCompleteOnShutdown(true);
		started.setAwaitTerminationSeconds(5);
		started.initialize();
		started.scheduleWithFixedDelay(guarded("retry", pending::retryDue), properties.retry().interval());
		started.scheduleWithFixedDelay(guarded("expiry", () -> {
			int expired = settlement.expireOverdue();
			if (expired > 0) {
				log.info("Expired {} payment links past their expiry", expired);
			}
			billing.redeliverFailed();
		}), properties.expiryCheckInterval());
		scheduler = started;
	}

	@Override
	public void stop() {
		ThreadPoolTaskScheduler running = scheduler;
		scheduler = null;
		if (running != null) {
			running.shutdown();
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

	/** A failed run (the database away) is logged, and the next run tries again. */
	private static Runnable guarded(String job, Runnable task) {
		return () -> {
			try {
				task.run();
			}
			catch (RuntimeException e) {
				log.warn("Payment {} job failed, the next run tries again: {}", job, e.toString());
			}
		};
	}
}
