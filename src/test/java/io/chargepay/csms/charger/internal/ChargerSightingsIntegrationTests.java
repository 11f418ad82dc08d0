package io.chargepay.csms.charger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.RowLocks;
import io.chargepay.csms.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

@CsmsIntegrationTest
class ChargerSightingsIntegrationTests {

	static final String KEY = "sightings-test-key-0001";

	@Value("${local.ocpp.port}")
	int ocppPort;
	@Autowired
	ChargerService chargers;
	@Autowired
	ChargerSightings sightings;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	DataSource dataSource;

	@Test
	void aHeartbeatShowsAtOnceAndIsStoredByTheNextFlush() {
		String chargerId = register();
		try (TestCharger charger = TestCharger.connect(ocppPort, chargerId, KEY)) {
			charger.result("Heartbeat", Map.of());
		}

		assertThat(chargers.find(chargerId).orElseThrow().lastSeenAt()).isNotNull();
		sightings.flush();
		assertThat(storedLastSeen(chargerId)).isEqualTo(chargers.find(chargerId).orElseThrow().lastSeenAt());
	}

	@Test
	void anOlderSightingNeverOverwritesANewerStoredOne() {
		String chargerId = register();
		Instant newer = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		sightings.seen(chargerId, newer);
		sightings.flush();

		sightings.seen(chargerId, newer.minusSeconds(30));
		sightings.flush();

		assertThat(storedLastSeen(chargerId)).isEqualTo(newer);
	}

	@Test
	void aSightingBeingWrittenStaysVisibleUntilItsWriteCommits() throws Exception {
		assumeTrue(TestDatabase.isServerDatabase(), "needs a database server: H2 gives up lock waits after about 1 s");
		String chargerId = register();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		sightings.seen(chargerId, at);
		try (Connection holder = dataSource.getConnection()) {
			RowLocks.lockChargerRow(holder, chargerId);
			CompletableFuture<Void> flush = CompletableFuture.runAsync(sightings::flush);
			await().atMost(Duration.ofSeconds(20)).until(() -> RowLocks.aTransactionWaitsForALock(jdbc));

			assertThat(chargers.find(chargerId).orElseThrow().lastSeenAt()).isEqualTo(at);
			holder.rollback();
			flush.get(30, TimeUnit.SECONDS);
		}
		assertThat(storedLastSeen(chargerId)).isEqualTo(at);
	}


	private String register() {
		String chargerId = "SEEN-" + UUID.randomUUID().toString().substring(0, 8);
		chargers.register(chargerId, KEY);
		return chargerId;
	}

	private Instant storedLastSeen(String chargerId) {
		return jdbc.queryForObject("SELECT last_seen_at FROM chargers WHERE id = ?", Timestamp.class, chargerId)
				.toLocalDateTime().toInstant(ZoneOffset.UTC);
	}
}
