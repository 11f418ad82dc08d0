package io.chargepay.simulator.charger;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** A transaction as the charger sees it. Its id arrives later, in the StartTransaction answer. */
public final class Transaction {

	private final int connectorId;
	private final String idTag;
	private final long meterStartWh;
	private final Instant startedAt;
	private final CompletableFuture<Integer> transactionId = new CompletableFuture<>();

	public Transaction(int connectorId, String idTag, long meterStartWh, Instant startedAt) {
		this.connectorId = connectorId;
		this.idTag = idTag;
		this.meterStartWh = meterStartWh;
		this.startedAt = startedAt;
	}

	public int connectorId() {
		return connectorId;
	}

	public String idTag() {
		return idTag;
	}

	public long meterStartWh() {
		return meterStartWh;
	}

	public Instant startedAt() {
		return startedAt;
	}

	/** The CSMS's transactionId, or null while StartTransaction is unanswered (MeterValues then go without one). */
	public Integer idOrNull() {
		return transactionId.isDone() && !transactionId.isCompletedExceptionally() ? transactionId.join() : null;
	}

	/** StopTransaction cannot go without the id; a transaction whose start failed has none. */
	public int requireId() {
		Integer id = idOrNull();
		if (id == null) {
			throw new IllegalStateException("transaction on connector " + connectorId + " has no transactionId");
		}
		return id;
	}

	void assignId(int id) {
		transactionId.complete(id);
	}

	void startFailed(Throwable cause) {
		transactionId.completeExceptionally(cause);
	}
}
