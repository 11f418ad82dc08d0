package io.chargepay.simulator.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;

/** Counters and a latency histogram for one action, safe to update from every charger's lane at once. */
public final class ActionStatistics {

	/** Latencies are kept in microseconds up to an hour, three significant digits: far beyond any call timeout. */
	private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

	private final String action;
	private final LongAdder sent = new LongAdder();
	private final LongAdder answered = new LongAdder();
	private final LongAdder callErrors = new LongAdder();
	private final LongAdder timeouts = new LongAdder();
	private final LongAdder lost = new LongAdder();
	private final ConcurrentHistogram latency = new ConcurrentHistogram(HIGHEST_MICROS, 3);

	public ActionStatistics(String action) {
		this.action = action;
	}

	public void sent() {
		sent.increment();
	}

	public void answered(boolean callError, long latencyNanos) {
		answered.increment();
		if (callError) {
			callErrors.increment();
		}
		latency.recordValue(Math.max(0, Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(latencyNanos))));
	}

	public void timedOut() {
		timeouts.increment();
	}

	public void lost() {
		lost.increment();
	}

	public long sentCount() {
		return sent.sum();
	}

	public long answeredCount() {
		return answered.sum();
	}

	public long errors() {
		return callErrors.sum() + timeouts.sum() + lost.sum();
	}

	public ActionSummary summary(long elapsedNanos) {
		boolean none = latency.getTotalCount() == 0;
		return new ActionSummary(action, sent.sum(), answered.sum(), errors(), callErrors.sum(), timeouts.sum(),
				lost.sum(), none ? 0 : millis(latency.getValueAtPercentile(50)),
				none ? 0 : millis(latency.getValueAtPercentile(95)), none ? 0 : millis(latency.getValueAtPercentile(99)),
				none ? 0 : millis(latency.getMaxValue()), RateMeter.overall(sent.sum(), elapsedNanos));
	}

	private static double millis(long micros) {
		return Math.round(micros / 10.0) / 100.0;
	}
}
