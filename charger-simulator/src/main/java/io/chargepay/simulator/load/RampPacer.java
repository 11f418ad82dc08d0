package io.chargepay.simulator.load;

import java.time.Duration;

/** Spreads connection starts evenly at a given rate: the i-th charger (from 0) starts i/rate seconds in. */
public record RampPacer(double perSecond) {

	public Duration delayOf(int index) {
		return Duration.ofNanos(Math.round(index * 1_000_000_000.0 / perSecond));
	}

	/** How long the whole ramp takes for this many chargers. */
	public Duration rampTime(int chargers) {
		return chargers <= 1 ? Duration.ZERO : delayOf(chargers - 1);
	}
}
