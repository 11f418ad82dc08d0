package io.chargepay.csms.ocpp.internal.rpc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps on the wire: we send UTC with at most milliseconds; we accept any RFC 3339 date-time and keep it to the
 * millisecond, the precision we store (so a repeated message matches what was stored from the first).
 */
public final class OcppTime {

	private OcppTime() {
	}

	public static String format(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}

	public static Instant parse(String text) {
		return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
	}
}
