package io.chargepay.csms.session.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.chargepay.csms.session.Actor;
import io.chargepay.csms.session.SessionNotActiveException;
import io.chargepay.csms.session.SessionOwnershipException;
import io.chargepay.csms.session.SessionStatus;
import io.chargepay.csms.session.SessionView;
import io.chargepay.csms.session.UnknownSessionException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The steps of a stop request, each in its own short transaction. */
@Component
public class StoppingSessions {

	private final ChargingSessionRepository sessions;
	private final Clock clock;

	StoppingSessions(ChargingSessionRepository sessions, Clock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	/** 404 unknown, 403 not this user's, 409 not active: in the specification's order. */
	@Transactional(readOnly = true)
	public SessionView requireActiveOwnedBy(String sessionId, String userId) {
		ChargingSession session = sessions.findById(sessionId).orElseThrow(() -> new UnknownSessionException(sessionId));
		if (!userId.equals(session.userId())) {
			throw new SessionOwnershipException(sessionId, userId);
		}
		if (session.status() != SessionStatus.ACTIVE) {
			throw new SessionNotActiveException(sessionId, session.status());
		}
		return session.view();
	}

	@Transactional
	public void markStopping(String sessionId, @Nullable BigDecimal finalCost, Actor by) {
		ChargingSession session = sessions.findForUpdate(sessionId).orElseThrow();
		if (session.status() != SessionStatus.ACTIVE) {
			throw new SessionNotActiveException(sessionId, session.status());
		}
		session.stopRequested(finalCost, by, clock.instant());
	}

	/** The charger did not stop: back to ACTIVE, unless its StopTransaction came meanwhile. */
	@Transactional
	public void revertIfStopping(String sessionId) {
		ChargingSession session = sessions.findForUpdate(sessionId).orElseThrow();
		if (session.status() == SessionStatus.STOPPING) {
			session.stillActive(clock.instant());
		}
	}

	/** Sessions asked to stop before {@code before} that are still STOPPING. */
	@Transactional(readOnly = true)
	public List<String> stoppingSince(Instant before) {
		return sessions.findStopRequestedBefore(before, SessionStatus.STOPPING);
	}

	/** Whether this node may retry the session's stop now: the claim moves its stop request to now. */
	@Transactional
	public boolean claimRetry(String sessionId, Instant before) {
		return sessions.claimStopRetry(sessionId, before, clock.instant(), SessionStatus.STOPPING) == 1;
	}

	@Transactional(readOnly = true)
	public SessionView find(String sessionId) {
		return sessions.findById(sessionId).map(ChargingSession::view).orElseThrow();
	}
}
