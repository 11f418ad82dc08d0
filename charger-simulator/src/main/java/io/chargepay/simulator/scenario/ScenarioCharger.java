package io.chargepay.simulator.scenario;

import java.time.Duration;

/** What a scenario needs of the charger; null leaves the command line's choice. */
public record ScenarioCharger(Integer connectors, Double powerKw, Duration meterInterval, Duration heartbeatInterval) {

	public static final ScenarioCharger DEFAULTS = new ScenarioCharger(null, null, null, null);
}
