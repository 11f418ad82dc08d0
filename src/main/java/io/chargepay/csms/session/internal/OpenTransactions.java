package io.chargepay.csms.session.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.chargepay.csms.session.SessionStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The session of each transaction a charger has open, kept in memory. MeterValues, the most frequent transaction
 * message, names only a transactionId, and finding its session cost a query per message (BENCHMARKS.md, fourth
 * session). A transaction's session never changes, so an entry is never wrong: it is added once the start has committed
 * (or a lookup found the session still open) and removed once the stop has committed. Bounded: when full, further
 * transactions are looked up in the database each time.
 */
@Component
public class OpenTransactions {

	/** More transactions than one instance's chargers can have open (20,000 connections, a few connectors each). */
	static final int CAPACITY = 200_000;

	private record Key(String chargerId, int transactionId) {
	}

	private final Map<Key, String> sessionIds = new ConcurrentHashMap<>();
	private final ChargingSessionRepository sessions;

	OpenTransactions(ChargingSessionRepository sessions) {
		this.sessions = sessions;
	}

	/** The id of the session of this charger's transaction, from memory or else the database. */
	public Optional<String> sessionId(String chargerId, int transactionId) {
		Key key = new Key(chargerId, transactionId);
		String known = sessionIds.get(key);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<ChargingSession> stored = sessions.findByTransactionIdAndChargerId(transactionId, chargerId);
		stored.filter(OpenTransactions::isOpen).ifPresent(session -> remember(key, session.id()));
		return stored.map(ChargingSession::id);
	}

	/** Within the transaction that gave the session its transactionId. */
	void openedOnCommit(ChargingSession session) {
		Integer transactionId = session.transactionId();
		if (transactionId == null) {
			return;
		}
		Key key = new Key(session.chargerId(), transactionId);
		String sessionId = session.id();
		afterCommit(() -> remember(key, sessionId));
	}

	/** Within the transaction that ended the session. */
	void closedOnCommit(String chargerId, int transactionId) {
		Key key = new Key(chargerId, transactionId);
		afterCommit(() -> sessionIds.remove(key));
	}

	boolean remembers(String chargerId, int transactionId) {
		return sessionIds.containsKey(new Key(chargerId, transactionId));
	}

	private void remember(Key key, String sessionId) {
		if (sessionIds.size() < CAPACITY) {
			sessionIds.put(key, sessionId);
		}
	}

	private static boolean isOpen(ChargingSession session) {
		return session.status() == SessionStatus.ACTIVE || session.status() == SessionStatus.STOPPING;
	}

	private static void afterCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}
}
