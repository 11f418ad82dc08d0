package io.chargepay.simulator.ocpp;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as we put them on the wire: UTC, ISO-8601, always with milliseconds. {@link Instant#toString()} drops the
 * fraction when it is zero, and some CSMS parsers then reject or misread the value.
 */
public final class OcppTime {

	private static final DateTimeFormatter FORMAT =
			DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

	private OcppTime() {
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant);
	}
}
