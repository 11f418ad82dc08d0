package io.chargepay.simulator.charger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A connector's energy meter. The register only ever rises, at the configured power while energy flows, so meterStop
 * minus meterStart is what a real car would have drawn at that power over the transaction's duration.
 */
public final class EnergyMeter {

	private final Clock clock;
	private final double powerW;
	private double registerWh;
	private Instant flowingSince;

	public EnergyMeter(Clock clock, double powerW, long initialWh) {
		this.clock = clock;
		this.powerW = powerW;
		this.registerWh = initialWh;
	}

	public void startFlow() {
		if (flowingSince == null) {
			flowingSince = clock.instant();
		}
	}

	public void stopFlow() {
		if (flowingSince != null) {
			registerWh = registerAt(clock.instant());
			flowingSince = null;
		}
	}

	public boolean flowing() {
		return flowingSince != null;
	}

	public MeterReading read() {
		Instant now = clock.instant();
		return new MeterReading(now, (long) Math.floor(registerAt(now)), flowing() ? powerW : 0);
	}

	private double registerAt(Instant now) {
		if (flowingSince == null) {
			return registerWh;
		}
		double hours = Duration.between(flowingSince, now).toNanos() / 3_600_000_000_000.0;
		return registerWh + powerW * Math.max(0, hours);
	}
}
