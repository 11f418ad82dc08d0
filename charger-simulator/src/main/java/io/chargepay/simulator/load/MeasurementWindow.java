package io.chargepay.simulator.load;

import java.time.Duration;

/**
 * The part of a run, counted from its start, whose calls a report also shows on their own: the steady traffic after
 * the ramp and before the drain, when every charger stops at once. Latency targets are about that part.
 */
public record MeasurementWindow(Duration from, Duration until) {

	public MeasurementWindow {
		if (from.isNegative() || until.compareTo(from) <= 0) {
			throw new IllegalArgumentException("a measurement window ends after it starts, and starts at 0 s or later");
		}
	}

	public Duration length() {
		return until.minus(from);
	}
}
