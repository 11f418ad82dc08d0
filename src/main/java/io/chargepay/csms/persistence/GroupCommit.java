package io.chargepay.csms.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the small, independent inserts of many callers in one transaction, and tells each caller once its rows are
 * committed. Under load most of a charger message's time went into its own COMMIT (BENCHMARKS.md, fifth session: 11-15
 * of 16 workers waiting for one); here one writer thread takes whatever writes are waiting, sends each statement's rows
 * as one JDBC batch, and commits once for all of them. Callers do not wait on a thread meanwhile, so the writes of many
 * more chargers than there are workers can be in one batch. At low load a batch holds a single write.
 * <p>
 * A batch that fails is rolled back and its writes are retried one transaction each, so that one bad row fails only
 * its own caller. A caller already in a transaction writes in that transaction instead, and after {@link #close()}
 * every caller commits its own.
 */
public final class GroupCommit {

	/** The rows to send with one statement: an INSERT (or upsert) and its JDBC parameter types. */
	public record Rows(String sql, int[] types, List<Object[]> values) {
	}

	private record Write(List<Rows> rows, CompletableFuture<Void> committed) {
	}

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/** Put last on the queue by {@link #close()}; nothing is queued after it. */
	private static final Write CLOSED = new Write(List.of(), new CompletableFuture<>());

	private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
	private final AtomicInteger uncommitted = new AtomicInteger();
	private final AtomicInteger batchesTaken = new AtomicInteger();
	private final JdbcTemplate jdbc;
	private final TransactionTemplate transaction;
	private final int maxWrites;
	private final DistributionSummary batchSizes;
	private final Timer commitTimes;
	private final @Nullable Thread writer;
	/**
	 * Callers' futures are completed here, not on the writer: what a caller chained on its write (the reply to a charger,
	 * its next message handed to a worker, which waits for room when the workers are busy) would otherwise run between
	 * two commits and hold back every other caller's writes. One task per batch; at most one per uncommitted write.
	 */
	private final @Nullable ExecutorService completions;
	private final Object admission = new Object();
	private boolean open;

	GroupCommit(String name, JdbcTemplate jdbc, TransactionTemplate transaction, MeterRegistry meters, int maxWrites,
			boolean enabled) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.maxWrites = maxWrites;
		this.batchSizes = DistributionSummary.builder("csms.db.group.commit.writes")
				.description("Writes committed together in one transaction")
				.tag("writer", name)
				.register(meters);
		this.commitTimes = Timer.builder("csms.db.group.commit.duration")
				.description("Time to send one batch of writes and commit it")
				.tag("writer", name)
				.register(meters);
		Gauge.builder("csms.db.group.commit.uncommitted", uncommitted, AtomicInteger::get)
				.description("Writes handed to the writer thread and not yet committed or failed")
				.tag("writer", name)
				.register(meters);
		this.open = enabled;
		this.writer = enabled ? new Thread(this::run, "group-commit-" + name) : null;
		this.completions = enabled
				? Executors.newSingleThreadExecutor(new CustomizableThreadFactory("group-commit-" + name + "-done-"))
				: null;
	}

	void start() {
		if (writer != null) {
			writer.setDaemon(true);
			writer.start();
		}
	}

	/**
	 * Stores the rows, all or none. The future completes once they are committed, or fails with what kept them from it.
	 * In the caller's transaction, or after {@link #close()}, they are written on the caller's thread: then the future
	 * is complete on return, and a failure is thrown at once.
	 */
	public CompletableFuture<Void> submit(List<Rows> rows) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			send(rows);
			return CompletableFuture.completedFuture(null);
		}
		Write write = new Write(rows, new CompletableFuture<>());
		if (!enqueue(write)) {
			transaction.executeWithoutResult(status -> send(rows));
			return CompletableFuture.completedFuture(null);
		}
		return write.committed();
	}

	/** Commits what is queued (waiting up to 10 s for that), then lets every later caller commit on its own thread. */
	void close() {
		synchronized (admission) {
			if (!open) {
				return;
			}
			open = false;
			queue.add(CLOSED);
		}
		if (writer != null) {
			try {
				writer.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		if (completions != null) {
			// Queued completions still run: callers are waiting for them.
			completions.shutdown();
		}
	}

	/** Writes the writer thread has not yet taken up. */
	int waiting() {
		return queue.size();
	}

	/** Writes handed to the writer thread and not yet committed or failed, including those it is sending. */
	int uncommitted() {
		return uncommitted.get();
	}

	/** Batches the writer has formed so far; a write queued after the n-th was formed is not in it. */
	int batchesTaken() {
		return batchesTaken.get();
	}

	private boolean enqueue(Write write) {
		synchronized (admission) {
			if (!open) {
				return false;
			}
			uncommitted.incrementAndGet();
			queue.add(write);
			return true;
		}
	}

	private void run() {
		List<Write> batch = new ArrayList<>();
		boolean closed = false;
		while (!closed) {
			try {
				batch.add(queue.take());
			}
			catch (InterruptedException interrupted) {
				// Only close() ends the writer: a caller may be waiting on every queued write.
				continue;
			}
			queue.drainTo(batch, maxWrites - 1);
			batchesTaken.incrementAndGet();
			closed = batch.removeIf(write -> write == CLOSED);
			if (!batch.isEmpty()) {
				commit(batch);
			}
			batch.clear();
		}
	}

	private void commit(List<Write> batch) {
		try {
			commitTimes.record(() -> transaction.executeWithoutResult(status -> sendTogether(batch)));
			batchSizes.record(batch.size());
			settle(batch, null);
		}
		catch (RuntimeException | Error failure) {
			if (batch.size() == 1 || unreachable(failure)) {
				settle(batch, failure);
				return;
			}
			log.warn("A batch of {} writes failed ({}); committing them one by one", batch.size(), failure.toString());
			commitOneByOne(batch);
		}
	}

	private void commitOneByOne(List<Write> batch) {
		for (int i = 0; i < batch.size(); i++) {
			Throwable failure = commitAlone(batch.get(i));
			if (failure != null && unreachable(failure)) {
				settle(batch.subList(i + 1, batch.size()), failure);
				return;
			}
		}
	}

	/** Without a database, one by one would only make every caller wait a connection timeout per write before it. */
	private static boolean unreachable(Throwable failure) {
		return failure instanceof TransactionException || failure instanceof DataAccessResourceFailureException
				|| failure instanceof RecoverableDataAccessException;
	}

	private @Nullable Throwable commitAlone(Write write) {
		try {
			transaction.executeWithoutResult(status -> send(write.rows()));
			batchSizes.record(1);
			settle(List.of(write), null);
			return null;
		}
		catch (RuntimeException | Error failure) {
			settle(List.of(write), failure);
			return failure;
		}
	}

	/** Completes the writes' futures, in order, on the completion thread (the batch list is reused: copied). */
	private void settle(List<Write> writes, @Nullable Throwable failure) {
		uncommitted.addAndGet(-writes.size());
		List<CompletableFuture<Void>> settled = writes.stream().map(Write::committed).toList();
		Runnable complete = () -> settled.forEach(committed -> {
			if (failure == null) {
				committed.complete(null);
			}
			else {
				committed.completeExceptionally(failure);
			}
		});
		if (completions == null) {
			complete.run();
		}
		else {
			completions.execute(complete);
		}
	}

	/** All of the batch's rows for one statement go in one JDBC batch, in the order they were written. */
	private void sendTogether(List<Write> batch) {
		Map<String, Rows> bySql = new LinkedHashMap<>();
		for (Write write : batch) {
			for (Rows rows : write.rows()) {
				bySql.computeIfAbsent(rows.sql(), sql -> new Rows(sql, rows.types(), new ArrayList<>()))
						.values()
						.addAll(rows.values());
			}
		}
		send(List.copyOf(bySql.values()));
	}

	private void send(List<Rows> statements) {
		for (Rows rows : statements) {
			if (!rows.values().isEmpty()) {
				jdbc.batchUpdate(rows.sql(), rows.values(), rows.types());
			}
		}
	}
}
