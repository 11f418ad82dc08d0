package io.chargepay.csms.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import io.chargepay.csms.support.CsmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Quarantined messages, DataTransfer rows and status reports past their retention are purged; recent ones stay. */
@CsmsIntegrationTest
class RowRetentionIntegrationTests {

	@Autowired
	RowRetention retention;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	TransactionTemplate transaction;

	@Test
	void purgesQuarantinedMessagesOlderThanTheRetentionAndKeepsRecentOnes() {
		String charger = "RET-" + UUID.randomUUID().toString().substring(0, 8);
		Instant old = Instant.now().minus(Duration.ofDays(31));
		quarantine(charger, old, RowRetention.BATCH + 5);
		quarantine(charger, Instant.now().minus(Duration.ofDays(29)), 1);

		retention.purge("quarantined_messages", Duration.ofDays(30), "quarantined messages");

		assertThat(jdbc.queryForObject("select count(*) from quarantined_messages where charger_id = ?", Integer.class,
				charger)).as("more than one batch went, the recent one stayed").isEqualTo(1);
	}

	@Test
	void purgesDataTransfersOlderThanTheRetentionAndKeepsRecentOnes() {
		String charger = "RET-" + UUID.randomUUID().toString().substring(0, 8);
		dataTransfer(charger, Instant.now().minus(Duration.ofDays(40)));
		dataTransfer(charger, Instant.now().minus(Duration.ofHours(1)));

		retention.purge("charger_data_transfers", Duration.ofDays(30), "DataTransfer messages");

		assertThat(jdbc.queryForList("select received_at from charger_data_transfers where charger_id = ?",
				Timestamp.class, charger)).singleElement()
				.satisfies(kept -> assertThat(kept.toLocalDateTime().toInstant(ZoneOffset.UTC))
						.isAfter(Instant.now().minus(Duration.ofDays(1))));
	}

	@Test
	void purgesStatusReportsOlderThanTheRetentionAndKeepsRecentOnes() {
		String charger = "RET-" + UUID.randomUUID().toString().substring(0, 8);
		statusReport(charger, Instant.now().minus(Duration.ofDays(100)));
		statusReport(charger, Instant.now().minus(Duration.ofDays(1)));

		retention.purge("charger_status_reports", Duration.ofDays(90), "status reports");

		assertThat(jdbc.queryForObject("select count(*) from charger_status_reports where charger_id = ?",
				Integer.class, charger)).isEqualTo(1);
	}

	private void statusReport(String charger, Instant at) {
		transaction.executeWithoutResult(status -> jdbc.update("INSERT INTO charger_status_reports "
				+ "(charger_id, kind, status, received_at) VALUES (?, 'FIRMWARE', 'Installed', ?)", charger,
				UtcTimestamps.of(at)));
	}

	private void quarantine(String charger, Instant at, int count) {
		List<Object[]> rows = Collections.nCopies(count, new Object[] { charger, UtcTimestamps.of(at) });
		// Pooled connections do not autocommit: the rows are written in a transaction of their own.
		transaction.executeWithoutResult(status -> jdbc.batchUpdate("INSERT INTO quarantined_messages "
				+ "(charger_id, action, reason, payload, received_at) VALUES (?, 'StopTransaction', 'test', '{}', ?)", rows));
	}

	private void dataTransfer(String charger, Instant at) {
		transaction.executeWithoutResult(status -> jdbc.update(
				"INSERT INTO charger_data_transfers (charger_id, vendor_id, received_at) VALUES (?, 'acme', ?)", charger,
				UtcTimestamps.of(at)));
	}
}
