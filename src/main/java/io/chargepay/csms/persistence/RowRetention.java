package io.chargepay.csms.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes rows older than a cutoff from an append-only table with an {@code id} key and a {@code received_at}
 * column, a batch per transaction so a large backlog never holds locks for long. Several nodes may purge the same
 * table at once: they delete the same ids, and deleting a row already gone changes nothing, so no lock is needed.
 */
@Component
public class RowRetention {

	static final int BATCH = 1_000;
	/** At most this many batches a run: a backlog larger than that is finished by the next runs. */
	static final int MAX_BATCHES = 100;

	private static final Logger log = LoggerFactory.getLogger(RowRetention.class);

	private final JdbcTemplate jdbc;
	// Pooled connections do not autocommit (application.yml): each batch commits in its own transaction.
	private final TransactionTemplate transaction;
	private final Clock clock;

	RowRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Purges {@code table}'s rows received more than {@code keep} ago, logging how many went as {@code what}. */
	public int purge(String table, Duration keep, String what) {
		int purged = purgeOlderThan(table, clock.instant().minus(keep));
		if (purged > 0) {
			log.info("Purged {} {} older than {}", purged, what, keep);
		}
		return purged;
	}

	/** {@code table} is one of ours, never input. Returns how many rows went. */
	public int purgeOlderThan(String table, Instant cutoff) {
		int purged = 0;
		for (int batch = 0; batch < MAX_BATCHES; batch++) {
			Integer deleted = transaction.execute(status -> purgeBatch(table, cutoff));
			if (deleted == null || deleted == 0) {
				break;
			}
			purged += deleted;
		}
		return purged;
	}

	private int purgeBatch(String table, Instant cutoff) {
		List<Long> ids = jdbc.queryForList("SELECT id FROM " + table + " WHERE received_at < ? ORDER BY id LIMIT "
				+ BATCH, Long.class, UtcTimestamps.of(cutoff));
		if (ids.isEmpty()) {
			return 0;
		}
		String idList = String.join(",", ids.stream().map(String::valueOf).toList());
		return jdbc.update("DELETE FROM " + table + " WHERE id IN (" + idList + ")");
	}
}
