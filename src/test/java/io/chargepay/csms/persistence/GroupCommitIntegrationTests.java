package io.chargepay.csms.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.TestDatabase;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit against the real database. To make a batch form without relying on timing, the first write updates a
 * charger row the test holds locked: the writer waits in that statement while further writes queue behind it.
 */
@CsmsIntegrationTest
class GroupCommitIntegrationTests {

	private static final String INSERT_HISTORY = """
			INSERT INTO connector_status_history (charger_id, connector_id, status, error_code, status_at, received_at)
			VALUES (?, ?, ?, 'NoError', ?, ?)""";
	private static final int[] HISTORY_TYPES = { Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.TIMESTAMP,
			Types.TIMESTAMP };
	private static final String TOUCH_CHARGER = "UPDATE chargers SET last_seen_at = ? WHERE id = ?";
	private static final int[] TOUCH_TYPES = { Types.TIMESTAMP, Types.VARCHAR };

	@Autowired
	GroupCommits groupCommits;
	@Autowired
	ChargerService chargers;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	PlatformTransactionManager transactions;
	@Autowired
	MeterRegistry meters;

	private final ExecutorService lockHolder = Executors.newSingleThreadExecutor();
	private final String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
	private final String chargerId = "GC-" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void stopLockHolder() {
		lockHolder.shutdownNow();
	}

	@Test
	void writesThatArriveWhileACommitIsUnderWayAreCommittedTogetherAndEachIsCompleteOnlyAfterIt() throws Exception {
		assumeLockWaitsOutlastTheTest();
		GroupCommit groupCommit = groupCommits.open(name);
		List<CompletableFuture<Void>> queued = new ArrayList<>();
		try (LockedCharger lock = lockCharger()) {
			CompletableFuture<Void> first = groupCommit.submit(List.of(touchCharger()));
			awaitWriterBlocked(groupCommit);
			for (int connector = 1; connector <= 5; connector++) {
				int connectorId = connector;
				queued.add(groupCommit.submit(List.of(history(connectorId, "Available"))));
			}
			assertThat(groupCommit.waiting()).isEqualTo(5);
			assertThat(first).isNotDone();
			assertThat(queued).noneMatch(CompletableFuture::isDone);
			assertThat(historyRows()).isZero();
		}

		CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
		assertThat(historyRows()).isEqualTo(5);
		DistributionSummary batches = meters.get("csms.db.group.commit.writes").tag("writer", name).summary();
		assertThat(batches.count()).as("transactions").isEqualTo(2);
		assertThat(batches.max()).as("writes in the second transaction").isEqualTo(5);
	}

	@Test
	void aWriteThatFailsInABatchFailsOnlyItsOwnCallerAndTheOthersAreStored() throws Exception {
		assumeLockWaitsOutlastTheTest();
		GroupCommit groupCommit = groupCommits.open(name);
		CompletableFuture<Void> bad;
		List<CompletableFuture<Void>> good = new ArrayList<>();
		try (LockedCharger lock = lockCharger()) {
			groupCommit.submit(List.of(touchCharger()));
			awaitWriterBlocked(groupCommit);
			good.add(groupCommit.submit(List.of(history(1, "Available"))));
			// status is NOT NULL
			bad = groupCommit.submit(List.of(history(2, null)));
			good.add(groupCommit.submit(List.of(history(3, "Charging"))));
			assertThat(groupCommit.waiting()).as("one batch").isEqualTo(3);
		}

		assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DataAccessException.class);
		for (CompletableFuture<Void> write : good) {
			write.get(10, TimeUnit.SECONDS);
		}
		assertThat(jdbc.queryForList("SELECT connector_id FROM connector_status_history WHERE charger_id = ? "
				+ "ORDER BY connector_id", Integer.class, chargerId)).containsExactly(1, 3);
	}

	@Test
	void aCallerInATransactionWritesInItAndARollbackTakesTheRowsBack() {
		GroupCommit groupCommit = groupCommits.open(name);
		chargers.register(chargerId, "group-commit-test-key");

		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			assertThat(groupCommit.submit(List.of(history(1, "Available")))).isCompleted();
			assertThat(groupCommit.uncommitted()).as("nothing handed to the writer").isZero();
			assertThat(historyRows()).as("visible in the caller's transaction").isEqualTo(1);
			status.setRollbackOnly();
		});

		assertThat(historyRows()).isZero();
	}

	@Test
	void afterCloseEachCallerCommitsItsOwnWrite() throws Exception {
		GroupCommit groupCommit = groupCommits.open(name);
		groupCommit.close();

		CompletableFuture<Void> written = groupCommit.submit(List.of(history(1, "Available")));

		assertThat(written).isCompleted();
		assertThat(historyRows()).isEqualTo(1);
	}

	/** H2's lock timeout (about a second) could fail the first, blocked, write while the test queues the others. */
	@Test
	void whatACallerChainsOnItsWriteDoesNotRunOnTheWriterAndCannotHoldBackLaterCommits() throws Exception {
		assumeLockWaitsOutlastTheTest();
		GroupCommit groupCommit = groupCommits.open(name);
		CountDownLatch unblock = new CountDownLatch(1);
		CompletableFuture<Void> first;
		CompletableFuture<String> continuation;
		try (LockedCharger lock = lockCharger()) {
			first = groupCommit.submit(List.of(touchCharger()));
			awaitWriterBlocked(groupCommit);
			// Attached while the write cannot have committed, so it runs on whatever thread completes the write.
			continuation = first.thenApply(committed -> {
				await(unblock);
				return Thread.currentThread().getName();
			});
		}
		try {
			awaitTrue(first::isDone);
			CompletableFuture<Void> second = groupCommit.submit(List.of(history(1, "Available")));

			awaitTrue(() -> historyRows() == 1);
			assertThat(continuation).as("still blocked while the next write committed").isNotDone();
			unblock.countDown();
			second.get(10, TimeUnit.SECONDS);
			assertThat(continuation.get(10, TimeUnit.SECONDS)).as("the thread it ran on")
					.isNotEqualTo("group-commit-" + name);
		}
		finally {
			unblock.countDown();
			groupCommit.close();
		}
	}

	private static void assumeLockWaitsOutlastTheTest() {
		assumeTrue(TestDatabase.isServerDatabase(), "needs a database server: H2 gives up lock waits after about 1 s");
	}

	private GroupCommit.Rows history(int connectorId, String status) {
		Timestamp now = UtcTimestamps.of(Instant.now());
		return new GroupCommit.Rows(INSERT_HISTORY, HISTORY_TYPES,
				List.<Object[]>of(new Object[] { chargerId, connectorId, status, now, now }));
	}

	private GroupCommit.Rows touchCharger() {
		return new GroupCommit.Rows(TOUCH_CHARGER, TOUCH_TYPES,
				List.<Object[]>of(new Object[] { UtcTimestamps.of(Instant.now()), chargerId }));
	}

	private int historyRows() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM connector_status_history WHERE charger_id = ?", Integer.class,
				chargerId);
	}

	/** Registers the test's charger and holds its row locked, from another thread, until closed. */
	private LockedCharger lockCharger() throws InterruptedException {
		chargers.register(chargerId, "group-commit-test-key");
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
			jdbc.queryForObject("SELECT id FROM chargers WHERE id = ? FOR UPDATE", String.class, chargerId);
			locked.countDown();
			await(release);
		}), lockHolder);
		assertThat(locked.await(10, TimeUnit.SECONDS)).as("charger row locked").isTrue();
		return new LockedCharger(release, holder);
	}

	private record LockedCharger(CountDownLatch release, CompletableFuture<Void> holder) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			release.countDown();
			holder.get(10, TimeUnit.SECONDS);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/** The writer has formed its first batch, of the first write alone, and now waits for the charger's row lock. */
	private static void awaitWriterBlocked(GroupCommit groupCommit) throws InterruptedException {
		awaitTrue(() -> groupCommit.batchesTaken() == 1);
	}

	private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
			Thread.sleep(10);
		}
	}
}
