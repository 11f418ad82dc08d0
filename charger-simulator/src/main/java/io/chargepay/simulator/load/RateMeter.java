package io.chargepay.simulator.load;

/** Turns a growing counter into a rate per second between successive readings, for the progress line. */
public final class RateMeter {

	private long lastNanos;
	private long lastCount;

	public RateMeter(long startNanos, long startCount) {
		this.lastNanos = startNanos;
		this.lastCount = startCount;
	}

	/** The rate since the previous reading; 0 when no time has passed. */
	public synchronized double rate(long nowNanos, long count) {
		long elapsed = nowNanos - lastNanos;
		double rate = elapsed <= 0 ? 0 : (count - lastCount) * 1_000_000_000.0 / elapsed;
		lastNanos = nowNanos;
		lastCount = count;
		return rate;
	}

	/** A rate over a whole run, without a meter. */
	public static double overall(long count, long elapsedNanos) {
		return elapsedNanos <= 0 ? 0 : count * 1_000_000_000.0 / elapsedNanos;
	}
}
