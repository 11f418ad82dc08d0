package io.chargepay.csms.session;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.CommandResult;
import io.chargepay.csms.session.internal.SessionCompletions;
import io.chargepay.csms.session.internal.StoppingSessions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Stops a session from the app: RemoteStopTransaction, then up to {@code csms.session.stop-wait} for the charger's
 * StopTransaction, which finishes the session through the same path as a stop the charger makes on its own.
 */
@Service
public class SessionStopper {

	private final ChargerCommands commands;
	private final StoppingSessions stopping;
	private final SessionCompletions completions;
	private final SessionProperties properties;

	SessionStopper(ChargerCommands commands, StoppingSessions stopping, SessionCompletions completions,
			SessionProperties properties) {
		this.commands = commands;
		this.stopping = stopping;
		this.completions = completions;
		this.properties = properties;
	}

	/**
	 * @param userId the user the request names: it must be the session's owner
	 * @param finalCost what the session costs instead of the tariff (operators only; checked by the caller)
	 * @param by who asks: the driver, or an operator (recorded as who stopped the session)
	 */
	public SessionStopOutcome stop(String sessionId, String userId, @Nullable BigDecimal finalCost, Actor by) {
		SessionView session = stopping.requireActiveOwnedBy(sessionId, userId);
		if (!commands.isConnected(session.chargerId())) {
			return new SessionStopOutcome.NotStopped(session, ChargerRefusal.OFFLINE, "charger " + session.chargerId()
					+ " is not connected");
		}
		CompletableFuture<Void> completion = completions.expect(sessionId);
		stopping.markStopping(sessionId, finalCost, by);
		CommandResult result = ChargerRefusal.await(commands.send(session.chargerId(),
				new ChargerCommand.RemoteStopTransaction(session.transactionId())));
		if (!ChargerRefusal.accepted(result)) {
			ChargerRefusal reason = ChargerRefusal.of(result);
			stopping.revertIfStopping(sessionId);
			completions.forget(sessionId, completion);
			return new SessionStopOutcome.NotStopped(stopping.find(sessionId), reason,
					reason.describe("RemoteStopTransaction", result));
		}
		boolean finished = completions.await(sessionId, completion, properties.session().stopWait());
		SessionView now = stopping.find(sessionId);
		return finished || !now.status().isOpen() ? new SessionStopOutcome.Stopped(now)
				: new SessionStopOutcome.Stopping(now);
	}
}
