package io.chargepay.csms.ocpp.internal.rpc;

import java.time.DateTimeException;
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

	/**
	 * The instant of an RFC 3339 date-time, to the millisecond. Years before 1970 are refused: no charger reports them
	 * truthfully, and the database's DATETIME columns cannot hold all of them.
	 */
	public static Instant parse(String text) {
		Instant instant;
		try {
			instant = OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException notADateTime) {
			throw new OcppError(ErrorCode.TypeConstraintViolation, "Not an RFC 3339 date-time: " + abbreviate(text));
		}
		if (instant.isBefore(Instant.EPOCH)) {
			throw new OcppError(ErrorCode.PropertyConstraintViolation, "Timestamp before 1970: " + abbreviate(text));
		}
		return truncate(instant);
	}

	public static Instant truncate(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

	private static String abbreviate(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}
}
