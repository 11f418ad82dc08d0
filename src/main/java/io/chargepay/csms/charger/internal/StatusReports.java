package io.chargepay.csms.charger.internal;

import java.time.Instant;
import java.util.Locale;

import io.chargepay.csms.persistence.UtcTimestamps;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A charger's firmware (signed or not), diagnostics and log upload status reports: the latest of each kind on its row,
 * and every one in {@code charger_status_reports}, with the request it answers when the charger names one. Called in
 * the caller's transaction.
 */
@Component
public class StatusReports {

	/** What a report is about; its column prefix on {@code chargers}. */
	public enum Kind { FIRMWARE, DIAGNOSTICS, LOG }

	private final JdbcTemplate jdbc;

	StatusReports(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void record(String chargerId, Kind kind, String status, @Nullable Integer requestId, Instant at) {
		String column = kind.name().toLowerCase(Locale.ROOT);
		// Column names come from the enum, never from input.
		jdbc.update("UPDATE chargers SET " + column + "_status = ?, " + column + "_status_at = ? WHERE id = ?", status,
				UtcTimestamps.of(at), chargerId);
		jdbc.update("INSERT INTO charger_status_reports (charger_id, kind, status, request_id, received_at) "
				+ "VALUES (?, ?, ?, ?, ?)", chargerId, kind.name(), status, requestId, UtcTimestamps.of(at));
	}
}
