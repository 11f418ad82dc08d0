package io.chargepay.simulator.charger;

import java.net.URI;
import java.time.Duration;

/**
 * One simulated charger: where it connects, who it is, and how it charges.
 *
 * @param heartbeatInterval overrides the interval from the BootNotification answer; null keeps the CSMS's
 * @param rebootDelay how long a Reset keeps the charger away before it connects and boots again
 */
public record ChargerSettings(URI url, String chargerId, String password, int connectors, double powerKw,
		Duration meterInterval, Duration heartbeatInterval, Duration callTimeout, Duration connectTimeout,
		Duration rebootDelay) {

	public ChargerSettings {
		if (connectors < 1) {
			throw new IllegalArgumentException("a charger needs at least one connector");
		}
	}

	public static ChargerSettings of(URI url, String chargerId, String password) {
		return new ChargerSettings(url, chargerId, password, 1, 11.0, Duration.ofSeconds(10), null,
				Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1));
	}

	public ChargerSettings withConnectors(int count) {
		return new ChargerSettings(url, chargerId, password, count, powerKw, meterInterval, heartbeatInterval,
				callTimeout, connectTimeout, rebootDelay);
	}

	public ChargerSettings withPowerKw(double kw) {
		return new ChargerSettings(url, chargerId, password, connectors, kw, meterInterval, heartbeatInterval,
				callTimeout, connectTimeout, rebootDelay);
	}

	public ChargerSettings withMeterInterval(Duration interval) {
		return new ChargerSettings(url, chargerId, password, connectors, powerKw, interval, heartbeatInterval,
				callTimeout, connectTimeout, rebootDelay);
	}

	public ChargerSettings withHeartbeatInterval(Duration interval) {
		return new ChargerSettings(url, chargerId, password, connectors, powerKw, meterInterval, interval,
				callTimeout, connectTimeout, rebootDelay);
	}

	public ChargerSettings withCallTimeout(Duration timeout) {
		return new ChargerSettings(url, chargerId, password, connectors, powerKw, meterInterval, heartbeatInterval,
				timeout, connectTimeout, rebootDelay);
	}

	public ChargerSettings withRebootDelay(Duration delay) {
		return new ChargerSettings(url, chargerId, password, connectors, powerKw, meterInterval, heartbeatInterval,
				callTimeout, connectTimeout, delay);
	}
}
