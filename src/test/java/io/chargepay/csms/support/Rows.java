package io.chargepay.csms.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Reads DATETIME columns, which hold UTC, the same way whichever driver returned them. */
public final class Rows {

	private Rows() {
	}

	public static Instant instant(Object column) {
		LocalDateTime local = column instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) column;
		return local.toInstant(ZoneOffset.UTC);
	}
}
