package io.chargepay.csms.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** For plain JDBC writes: DATETIME columns hold UTC, as Hibernate writes them (hibernate.jdbc.time_zone = UTC). */
public final class UtcTimestamps {

	private UtcTimestamps() {
	}

	public static Timestamp of(Instant instant) {
		return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}
}
