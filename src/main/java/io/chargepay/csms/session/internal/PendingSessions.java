package io.chargepay.csms.session.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.chargepay.csms.session.ConnectorBusyException;
import io.chargepay.csms.session.Actor;
import io.chargepay.csms.session.SessionStatus;
import io.chargepay.csms.session.SessionView;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sessions started from the app while they wait for the charger, each step in its own short transaction. */
@Component
public class PendingSessions {

	private static final List<SessionStatus> OPEN = List.of(SessionStatus.PENDING, SessionStatus.ACTIVE,
			SessionStatus.STOPPING);

	private final ChargingSessionRepository sessions;
	private final Clock clock;

	PendingSessions(ChargingSessionRepository sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public void requireFreeConnector(String chargerId, int connectorId) {
		if (sessions.existsOpenOn(chargerId, connectorId, OPEN)) {
			throw new ConnectorBusyException(chargerId, connectorId);
		}
	}

	@Transactional
	public SessionView create(PendingSession request) {
		return sessions.save(ChargingSession.pending(request, clock.instant())).view();
	}

	/** Fails the session if it is still pending (the charger may have started it meanwhile); true if it did. */
	@Transactional
	public boolean failIfPending(String sessionId, String reason) {
		ChargingSession session = sessions.findForUpdate(sessionId).orElseThrow();
		if (session.status() != SessionStatus.PENDING) {
			return false;
		}
		session.fail(reason, Actor.system("remote-start"), clock.instant());
		return true;
	}

	@Transactional(readOnly = true)
	public SessionView find(String sessionId) {
		return sessions.findById(sessionId).map(ChargingSession::view).orElseThrow();
	}

	/** A pending session failed for want of its StartTransaction, and the balance check it held, if any. */
	public record Expired(String sessionId, @Nullable String balanceCheckId) {
	}

	/** The pending sessions whose StartTransaction did not come in time. */
	@Transactional(readOnly = true)
	public List<String> overdue() {
		return sessions.findPendingExpiredBefore(clock.instant(), SessionStatus.PENDING).stream()
				.map(ChargingSession::id).toList();
	}

	/**
	 * Fails an overdue session under its row lock if it is still pending: a StartTransaction that activated it a
	 * moment ago wins, instead of both writing the row and one failing on its version.
	 */
	@Transactional
	public Optional<Expired> expireIfPending(String sessionId) {
		ChargingSession session = sessions.findForUpdate(sessionId).orElse(null);
		if (session == null || session.status() != SessionStatus.PENDING) {
			return Optional.empty();
		}
		session.fail("no StartTransaction from the charger in time", Actor.system("pending-expiry"), clock.instant());
		return Optional.of(new Expired(sessionId, session.balanceCheckId()));
	}
}
