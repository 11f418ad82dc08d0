package io.chargepay.csms.session.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.chargepay.csms.balance.BalanceService;
import io.chargepay.csms.identity.Authorization;
import io.chargepay.csms.session.SessionEnded;
import io.chargepay.csms.session.SessionStatus;
import io.chargepay.csms.session.TransactionStartRequest;
import io.chargepay.csms.session.TransactionStopRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Applies a charger's StartTransaction and StopTransaction to sessions; callers hold the transaction. */
@Component
public class ChargerTransactions {

	private final ChargingSessionRepository sessions;
	private final MeterReadings meterReadings;
	private final QuarantinedMessageRepository quarantine;
	private final TransactionIds transactionIds;
	private final Tariff tariff;
	private final ApplicationEventPublisher events;
	private final BalanceService balance;
	private final SessionCompletions completions;
	private final SessionMetrics metrics;
	private final OpenTransactions openTransactions;
	private final Clock clock;

	ChargerTransactions(ChargingSessionRepository sessions, MeterReadings meterReadings,
			QuarantinedMessageRepository quarantine, TransactionIds transactionIds, Tariff tariff,
			ApplicationEventPublisher events, BalanceService balance, SessionCompletions completions,
			SessionMetrics metrics, OpenTransactions openTransactions, Clock clock) {
		this.sessions = sessions;
		this.meterReadings = meterReadings;
		this.quarantine = quarantine;
		this.transactionIds = transactionIds;
		this.tariff = tariff;
		this.events = events;
		this.balance = balance;
		this.completions = completions;
		this.metrics = metrics;
		this.openTransactions = openTransactions;
		this.clock = clock;
	}

	/** The session this StartTransaction repeats, if it is a repeat (OCPP 1.6 §3.7 retries). */
	@Transactional(readOnly = true)
	public Optional<ChargingSession> repeatOf(TransactionStartRequest request) {
		return sessions.findStart(request.chargerId(), request.connectorId(), request.idTag(), request.timestamp(),
				request.meterStartWh());
	}

	@Transactional(readOnly = true)
	public boolean hasPendingFor(TransactionStartRequest request) {
		return sessions.findPendingFor(request.chargerId(), request.idTag(), request.connectorId()).isPresent();
	}

	/**
	 * Activates the pending app session this start belongs to, or records a new session; a repeat that raced this one
	 * gets the session the first one stored.
	 */
	@Transactional
	public ChargingSession record(TransactionStartRequest request, Authorization authorization,
			@Nullable String balanceCheckId) {
		Optional<ChargingSession> repeat = repeatOf(request);
		if (repeat.isPresent()) {
			return repeat.get();
		}
		return start(request, authorization, balanceCheckId);
	}

	private ChargingSession start(TransactionStartRequest request, Authorization authorization,
			@Nullable String balanceCheckId) {
		Instant now = clock.instant();
		int transactionId = transactionIds.next();
		Optional<ChargingSession> pending = sessions.findPendingFor(request.chargerId(), request.idTag(),
				request.connectorId());
		ChargingSession session;
		if (pending.isPresent()) {
			session = pending.get();
			session.activate(request, transactionId, authorization, now);
		}
		else {
			session = sessions.save(ChargingSession.started(request, transactionId, authorization, balanceCheckId, now));
		}
		if (session.balanceCheckId() != null) {
			// Committed with the session: its reservation no longer expires, it ends with the session.
			balance.keep(session.balanceCheckId());
		}
		openTransactions.openedOnCommit(session);
		return session;
	}

	/**
	 * Ends the session the stop names, once. A stop for an unknown transaction, or one of another charger, changes
	 * nothing and is quarantined; a repeated stop changes nothing.
	 */
	public void stop(TransactionStopRequest request) {
		Optional<ChargingSession> found = request.transactionId() > 0
				? sessions.findByTransactionIdAndChargerId(request.transactionId(), request.chargerId())
				: Optional.empty();
		if (found.isEmpty()) {
			quarantine.save(new QuarantinedMessage(request.chargerId(), "StopTransaction",
					"unknown transactionId " + request.transactionId(), request.rawPayload(), clock.instant()));
			return;
		}
		ChargingSession session = found.get();
		if (session.status() == SessionStatus.ACTIVE || session.status() == SessionStatus.STOPPING) {
			finish(session, request);
		}
	}

	private void finish(ChargingSession session, TransactionStopRequest request) {
		Instant now = clock.instant();
		session.stop(request, now);
		openTransactions.closedOnCommit(session.chargerId(), request.transactionId());
		Optional<Tariff.Bill> bill = session.billingHold() ? Optional.empty() : tariff.bill(session.energyWh(),
				session.finalCost(), session.expectedMaxCost(), session.balanceCheckId() != null);
		if (!session.billingHold()) {
			bill.ifPresentOrElse(billed -> session.bill(billed, now), () -> session.holdBilling(now));
		}
		boolean capped = bill.isPresent() && bill.get().uncapped() != null;
		meterReadings.store(request.chargerId(), session.connectorId(), session.transactionId(), session.id(),
				request.transactionData(), now);
		if (session.balanceCheckId() != null) {
			// The session no longer holds its wallet's funds; what it owes is now a payment link's business.
			balance.release(session.balanceCheckId());
		}
		SessionEnded ended = new SessionEnded(session.id(), session.chargerId(), session.transactionId(),
				session.idTag(), session.userId(), session.energyWh(), session.view().amount(), session.billingHold(),
				session.balanceCheckId(), request.timestamp());
		// The payment module bills it through the event publication registry, which keeps the event until billed.
		events.publishEvent(ended);
		// This module's own reactions live in memory and need no registry: as transactional event listeners they cost
		// two registry rows and two REQUIRES_NEW transactions each, taken on this worker while its own connection is
		// still bound, so a burst of stops (one per worker) exhausted the pool (BENCHMARKS.md, pool deadlock).
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				completions.ended(ended);
				metrics.ended(ended);
				if (capped) {
					metrics.capped();
				}
			}
		});
	}
}
