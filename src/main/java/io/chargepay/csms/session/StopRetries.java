package io.chargepay.csms.session;

import java.time.Clock;
import java.time.Instant;

import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.session.internal.StoppingSessions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A session STOPPING for longer than csms.session.stop-retry-after (the charger accepted the stop but its
 * StopTransaction never came, or the node that asked crashed) has its RemoteStopTransaction sent again; a charger
 * that now refuses it leaves the session ACTIVE, so the driver can stop it again. The stop request's time is the
 * claim: of several nodes sweeping, one retries each session per period. A charger that is offline is retried once
 * it is back; its StopTransaction, queued while offline, completes the session meanwhile.
 */
@Component
class StopRetries {

	private static final Logger log = LoggerFactory.getLogger(StopRetries.class);

	private final StoppingSessions stopping;
	private final ChargerCommands commands;
	private final SessionProperties properties;
	private final Clock clock;
	private final Counter retries;

	StopRetries(StoppingSessions stopping, ChargerCommands commands, SessionProperties properties, Clock clock,
			MeterRegistry meters) {
		this.stopping = stopping;
		this.commands = commands;
		this.properties = properties;
		this.clock = clock;
		this.retries = Counter.builder("csms.sessions.stop.retries")
				.description("RemoteStopTransaction sent again for sessions STOPPING too long").register(meters);
	}

	@Scheduled(fixedDelayString = "${csms.session.expiry-check-interval:15s}")
	void retryStuckStops() {
		Instant before = clock.instant().minus(properties.session().stopRetryAfter());
		for (String sessionId : stopping.stoppingSince(before)) {
			SessionView session = stopping.find(sessionId);
			if (session.transactionId() != null && commands.isConnected(session.chargerId())
					&& stopping.claimRetry(sessionId, before)) {
				retry(session);
			}
		}
	}

	/** Not awaited: the scheduler's thread is shared, and the answer may take the whole call timeout. */
	private void retry(SessionView session) {
		retries.increment();
		log.info("Session {} is still STOPPING; sending RemoteStopTransaction for transaction {} again",
				session.sessionId(), session.transactionId());
		commands.send(session.chargerId(), new ChargerCommand.RemoteStopTransaction(session.transactionId()))
				.thenAccept(result -> {
					if (!ChargerRefusal.accepted(result)) {
						stopping.revertIfStopping(session.sessionId());
						log.info("Charger {} refused to stop session {} again ({}); it stays ACTIVE",
								session.chargerId(), session.sessionId(), ChargerRefusal.of(result));
					}
				});
	}
}
