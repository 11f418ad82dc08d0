package io.chargepay.csms.ocpp.internal.action;

import java.time.Clock;
import java.time.Instant;

import io.chargepay.csms.ocpp.OcppProperties;
import io.chargepay.csms.ocpp.internal.rpc.OcppTime;
import org.springframework.stereotype.Component;

/**
 * Which of a charger's timestamps we may order by. A charger whose clock runs far ahead (a lost RTC battery, a
 * hostile sender) would otherwise pin what it reports: a StatusNotification dated 2099 would outrank every later,
 * truthful one. Beyond {@code csms.ocpp.max-clock-skew} ahead of our clock, the moment of arrival stands in for it.
 */
@Component
class ChargerClock {

	private final Clock clock;
	private final OcppProperties properties;

	ChargerClock(Clock clock, OcppProperties properties) {
		this.clock = clock;
		this.properties = properties;
	}

	/** The charger's time when it is not too far ahead of ours, else the time of arrival. */
	Instant trusted(String timestamp) {
		Instant reported = OcppTime.parse(timestamp);
		Instant now = clock.instant();
		return reported.isAfter(now.plus(properties.maxClockSkew())) ? OcppTime.truncate(now) : reported;
	}

	Instant now() {
		return OcppTime.truncate(clock.instant());
	}
}
