package io.chargepay.csms.charger.internal;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.charger.ChargerView;
import io.chargepay.csms.charger.ConnectorStatusReport;
import io.chargepay.csms.persistence.GroupCommit;
import io.chargepay.csms.persistence.GroupCommits;
import io.chargepay.csms.persistence.UtcTimestamps;
import org.springframework.stereotype.Component;

/**
 * Keeps each connector's current status and appends every report to its history.
 * <p>
 * A StatusNotification is written with two plain statements, not through JPA: every charger sends one per connector on
 * each boot, so they are a large share of a connection storm's work, and loading the entity to compare timestamps cost
 * a round trip and Hibernate's bookkeeping (BENCHMARKS.md, fifth session).
 */
@Component
public class ConnectorStatuses {

	/**
	 * Inserts the connector's first report, or keeps the newer of the stored and the reported one: chargers replaying
	 * queued messages after a reconnect may send older ones last. One upsert, not an UPDATE then an INSERT when it
	 * matched nothing: under REPEATABLE READ the UPDATE of a missing row locks the index gap, and chargers with adjacent
	 * ids reporting their first statuses at once then deadlock on their INSERTs. MariaDB evaluates the assignments left
	 * to right against the updated row, so {@code status_at} goes last.
	 */
	private static final String KEEP_NEWEST = """
			INSERT INTO connectors (charger_id, connector_id, status, error_code, info, vendor_id, vendor_error_code,
			                        status_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE
			    status            = CASE WHEN VALUES(status_at) >= status_at THEN VALUES(status) ELSE status END,
			    error_code        = CASE WHEN VALUES(status_at) >= status_at THEN VALUES(error_code) ELSE error_code END,
			    info              = CASE WHEN VALUES(status_at) >= status_at THEN VALUES(info) ELSE info END,
			    vendor_id         = CASE WHEN VALUES(status_at) >= status_at THEN VALUES(vendor_id) ELSE vendor_id END,
			    vendor_error_code = CASE WHEN VALUES(status_at) >= status_at THEN VALUES(vendor_error_code)
			                             ELSE vendor_error_code END,
			    updated_at        = CASE WHEN VALUES(status_at) >= status_at THEN VALUES(updated_at) ELSE updated_at END,
			    status_at         = CASE WHEN VALUES(status_at) >= status_at THEN VALUES(status_at) ELSE status_at END
			""";

	private static final String APPEND_HISTORY = """
			INSERT INTO connector_status_history (charger_id, connector_id, status, error_code, info, vendor_id,
			                                      vendor_error_code, status_at, received_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	/** Typed, so that a null binds without the driver being asked for parameter metadata. */
	private static final int[] COLUMN_TYPES = { Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP };

	private final ConnectorRepository connectors;
	private final GroupCommit writes;

	ConnectorStatuses(ConnectorRepository connectors, GroupCommits groupCommits) {
		this.connectors = connectors;
		this.writes = groupCommits.open("connector-status");
	}

	public List<ChargerView.ConnectorView> of(String chargerId) {
		return connectors.findByKeyChargerIdOrderByKeyConnectorId(chargerId).stream()
				.map(connector -> new ChargerView.ConnectorView(connector.connectorId(), connector.status(),
						connector.errorCode(), connector.statusAt()))
				.toList();
	}

	/**
	 * Completes once the report is committed, together with other chargers' reports (see {@link GroupCommit}), or in
	 * the caller's transaction if it has one.
	 */
	public CompletableFuture<Void> record(String chargerId, ConnectorStatusReport report, Instant now) {
		List<Object[]> row = List.<Object[]>of(new Object[] { chargerId, report.connectorId(), report.status(),
				report.errorCode(), report.info(), report.vendorId(), report.vendorErrorCode(),
				UtcTimestamps.of(report.timestamp()), UtcTimestamps.of(now) });
		return writes.submit(List.of(new GroupCommit.Rows(KEEP_NEWEST, COLUMN_TYPES, row),
				new GroupCommit.Rows(APPEND_HISTORY, COLUMN_TYPES, row)));
	}
}
