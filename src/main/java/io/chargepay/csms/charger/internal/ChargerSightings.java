package io.chargepay.csms.charger.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.chargepay.csms.persistence.UtcTimestamps;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When each charger was last heard from (Heartbeat). Heartbeats are the most frequent message a fleet sends and only
 * move a timestamp, which is not a transaction message (OCPP 1.6 §4.6): they are kept in memory and written every
 * {@code csms.chargers.seen-flush-interval} (5 s) in one JDBC batch, instead of one UPDATE and commit each. A crash
 * loses at most that interval of "last seen"; readers see the newer of the stored and the pending time.
 */
@Component
public class ChargerSightings {

	private static final String UPDATE = "UPDATE chargers SET last_seen_at = ? WHERE id = ? "
			+ "AND (last_seen_at IS NULL OR last_seen_at < ?)";

	private final Map<String, Instant> pending = new ConcurrentHashMap<>();
	private final JdbcTemplate jdbc;
	// Pooled connections do not autocommit (application.yml), and @PreDestroy bypasses a @Transactional proxy.
	private final TransactionTemplate transaction;

	ChargerSightings(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
	}

	public void seen(String chargerId, Instant at) {
		pending.merge(chargerId, at, (old, now) -> now.isAfter(old) ? now : old);
	}

	/** The later of the stored time and one not yet written. */
	public @Nullable Instant lastSeen(String chargerId, @Nullable Instant stored) {
		Instant unwritten = pending.get(chargerId);
		if (unwritten == null) {
			return stored;
		}
		return stored == null || unwritten.isAfter(stored) ? unwritten : stored;
	}

	/**
	 * Writes the pending sightings, and forgets each only after its write commits and only if no newer one arrived
	 * meanwhile: a reader between the two sees the pending time, never a gap with neither (and a failed write keeps
	 * them for the next flush).
	 */
	@Scheduled(fixedDelayString = "${csms.chargers.seen-flush-interval:5s}")
	@PreDestroy
	public void flush() {
		Map<String, Instant> written = Map.copyOf(pending);
		if (written.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(written.size());
		written.forEach((chargerId, at) -> {
			Timestamp time = UtcTimestamps.of(at);
			rows.add(new Object[] { time, chargerId, time });
		});
		transaction.executeWithoutResult(status -> jdbc.batchUpdate(UPDATE, rows));
		written.forEach(pending::remove);
	}
}
