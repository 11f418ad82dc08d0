package io.chargepay.simulator.charger;

import java.time.Instant;

/** What the meter showed at one moment: the energy register and the power flowing then. */
public record MeterReading(Instant at, long energyWh, double powerW) {
}
