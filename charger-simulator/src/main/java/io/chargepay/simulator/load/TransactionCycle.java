package io.chargepay.simulator.load;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

import io.chargepay.simulator.charger.ChargePoint;

/**
 * Makes one charger of a load run charge on and off: start on connector 1 (after an Authorize of its idTag, when asked
 * to), charge for the transaction length, stop,
 * pause, again, until the run ends or it started its maximum of transactions.
 * The first start waits a random part of the pause so the fleet does not pulse.
 */
final class TransactionCycle {

	private final ChargePoint charger;
	private final ScheduledExecutorService timer;
	private final Duration length;
	private final Duration pause;
	private final String idTag;
	private final boolean authorizeFirst;
	private final int maxTransactions;
	private int transactions;
	private final RandomGenerator random;
	private volatile boolean ended;
	private volatile ScheduledFuture<?> next;

	TransactionCycle(ChargePoint charger, ScheduledExecutorService timer, Duration length, Duration pause,
			String idTag, boolean authorizeFirst, int maxTransactions, RandomGenerator random) {
		this.authorizeFirst = authorizeFirst;
		this.maxTransactions = maxTransactions;
		this.charger = charger;
		this.timer = timer;
		this.length = length;
		this.pause = pause;
		this.idTag = idTag;
		this.random = random;
	}

	void begin() {
		long jitter = (long) (random.nextDouble() * Math.max(1, pause.toMillis()));
		after(Duration.ofMillis(jitter), this::startNow);
	}

	/** No more cycles; a running transaction is stopped so the CSMS does not keep it open. */
	CompletableFuture<Void> finish() {
		ended = true;
		ScheduledFuture<?> pending = next;
		if (pending != null) {
			pending.cancel(false);
		}
		return charger.stopTransaction(1, "Local").handle((answer, error) -> null);
	}

	private void startNow() {
		// Only this cycle's timer runs it, one step at a time: the count needs no synchronisation.
		if (ended || (maxTransactions > 0 && transactions >= maxTransactions)) {
			return;
		}
		transactions++;
		CompletableFuture<?> authorized = authorizeFirst ? charger.authorize(idTag)
				: CompletableFuture.completedFuture(null);
		authorized.thenCompose(ignored -> charger.startTransaction(1, idTag)).whenComplete((answer, error) -> {
			if (error == null) {
				after(length, this::stopNow);
			}
			else {
				after(pause, this::startNow);
			}
		});
	}

	private void stopNow() {
		if (ended) {
			return;
		}
		charger.stopTransaction(1, "Local").whenComplete((answer, error) -> after(pause, this::startNow));
	}

	private void after(Duration delay, Runnable task) {
		if (!ended) {
			next = timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}
}
