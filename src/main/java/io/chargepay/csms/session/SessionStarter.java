package io.chargepay.csms.session;

import java.time.Clock;

import io.chargepay.csms.balance.BalanceCheckRequest;
import io.chargepay.csms.balance.BalanceCheckResult;
import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.charger.CommandResult;
import io.chargepay.csms.charger.UnknownChargerException;
import io.chargepay.csms.identity.IdentityNotFoundException;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.session.internal.PendingSession;
import io.chargepay.csms.session.internal.PendingSessions;
import io.chargepay.csms.session.internal.SessionMetrics;
import org.springframework.stereotype.Service;

/**
 * Starts a session from the app: balance check, a PENDING session holding the funds, RemoteStartTransaction with the
 * user's idTag. No database transaction stays open while the chain or the charger is asked.
 */
@Service
public class SessionStarter {

	private final ChargerService chargers;
	private final IdentityService identity;
	private final BalanceService balance;
	private final ChargerCommands commands;
	private final PendingSessions pending;
	private final SessionProperties properties;
	private final SessionMetrics metrics;
	private final Clock clock;

	SessionStarter(ChargerService chargers, IdentityService identity, BalanceService balance, ChargerCommands commands,
			PendingSessions pending, SessionProperties properties, SessionMetrics metrics, Clock clock) {
		this.chargers = chargers;
		this.identity = identity;
		this.balance = balance;
		this.commands = commands;
		this.pending = pending;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	public SessionStartOutcome start(SessionStartRequest request) {
		if (!chargers.exists(request.chargerId())) {
			throw new UnknownChargerException(request.chargerId());
		}
		if (!identity.userExists(request.userId())) {
			throw new IdentityNotFoundException("User " + request.userId() + " does not exist");
		}
		balance.requireCheckable(request.walletAddress(), request.chain());
		if (!identity.ownsWallet(request.userId(), request.chain(), request.walletAddress())) {
			throw new WalletNotOwnedException(request.userId(), request.walletAddress(), request.chain());
		}
		int connectorId = request.connectorId() == null ? 0 : request.connectorId();
		pending.requireFreeConnector(request.chargerId(), connectorId);
		BalanceCheckResult check = balance.check(new BalanceCheckRequest(request.userId(), request.walletAddress(),
				request.chain(), request.expectedMaxCost()));
		if (!check.sufficient()) {
			return new SessionStartOutcome.BalanceRefused(check);
		}
		String idTag = identity.idTagOf(request.userId()).orElseGet(() -> identity.generateIdTag(request.userId()));
		SessionView session;
		try {
			session = pending.create(new PendingSession(request.userId(), request.chargerId(), request.connectorId(),
					idTag, check.balanceCheckId(), request.walletAddress(), request.chain().toUpperCase(java.util.Locale.ROOT), request.expectedMaxCost(),
					request.metadata(), clock.instant().plus(properties.session().pendingTimeout()),
					request.requestedBy()));
		}
		catch (RuntimeException failed) {
			balance.release(check.balanceCheckId());
			throw failed;
		}
		// The pending session now owns the reservation: it is released when that session fails, expires or ends.
		balance.keep(check.balanceCheckId());
		return remoteStart(session, check, idTag);
	}

	private SessionStartOutcome remoteStart(SessionView session, BalanceCheckResult check, String idTag) {
		CommandResult result = ChargerRefusal.await(commands.send(session.chargerId(),
				new ChargerCommand.RemoteStartTransaction(session.connectorId() == 0 ? null : session.connectorId(), idTag)));
		if (ChargerRefusal.accepted(result)) {
			return new SessionStartOutcome.Started(pending.find(session.sessionId()), check);
		}
		ChargerRefusal reason = ChargerRefusal.of(result);
		String detail = reason.describe("RemoteStartTransaction", result);
		if (pending.failIfPending(session.sessionId(), detail)) {
			balance.release(check.balanceCheckId());
			metrics.failed(reason.name().toLowerCase());
		}
		return new SessionStartOutcome.ChargerRefused(pending.find(session.sessionId()), check, reason, detail);
	}
}
