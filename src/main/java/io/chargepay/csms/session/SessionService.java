package io.chargepay.csms.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.chargepay.csms.identity.Authorization;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.session.internal.ChargingSession;
import io.chargepay.csms.session.internal.ChargingSessionRepository;
import io.chargepay.csms.session.internal.MeterReadings;
import io.chargepay.csms.session.internal.QuarantinedMessage;
import io.chargepay.csms.session.internal.QuarantinedMessageRepository;
import io.chargepay.csms.session.internal.TransactionIds;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies a charger's transaction messages; each method commits before the charger is answered. */
@Service
public class SessionService {

	private final ChargingSessionRepository sessions;
	private final MeterReadings meterReadings;
	private final QuarantinedMessageRepository quarantine;
	private final IdentityService identity;
	private final TransactionIds transactionIds;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SessionService(ChargingSessionRepository sessions, MeterReadings meterReadings,
			QuarantinedMessageRepository quarantine, IdentityService identity, TransactionIds transactionIds,
			ApplicationEventPublisher events, Clock clock) {
		this.sessions = sessions;
		this.meterReadings = meterReadings;
		this.quarantine = quarantine;
		this.identity = identity;
		this.transactionIds = transactionIds;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores the transaction whatever the idTag's status and always returns a transactionId (OCPP 1.6 §4.8: the charger
	 * stops a transaction that was not accepted). A repeat of the same StartTransaction gets the same id back.
	 */
	@Transactional
	public TransactionStarted startTransaction(TransactionStartRequest request) {
		Authorization authorization = identity.authorize(request.idTag());
		ChargingSession session = sessions.findStart(request.chargerId(), request.connectorId(), request.idTag(),
						request.timestamp(), request.meterStartWh())
				.orElseGet(() -> sessions.save(ChargingSession.started(request, transactionIds.next(), authorization,
						clock.instant())));
		return new TransactionStarted(session.transactionId(), authorization);
	}

	@Transactional
	public void recordMeterValues(String chargerId, int connectorId, @Nullable Integer transactionId,
			List<MeterSample> samples) {
		Optional<ChargingSession> session = Optional.ofNullable(transactionId)
				.flatMap(id -> sessions.findByTransactionIdAndChargerId(id, chargerId));
		meterReadings.store(chargerId, connectorId, transactionId, session.map(ChargingSession::id).orElse(null),
				samples, clock.instant());
	}

	/**
	 * Ends the session the stop names. A stop for an unknown transaction, or one of another charger, changes nothing and
	 * is quarantined; a repeated stop is answered again without changing anything.
	 */
	@Transactional
	public Optional<Authorization> stopTransaction(TransactionStopRequest request) {
		Optional<Authorization> authorization = Optional.ofNullable(request.idTag()).map(identity::authorize);
		Optional<ChargingSession> found = request.transactionId() > 0
				? sessions.findByTransactionIdAndChargerId(request.transactionId(), request.chargerId())
				: Optional.empty();
		if (found.isEmpty()) {
			quarantine.save(new QuarantinedMessage(request.chargerId(), "StopTransaction",
					"unknown transactionId " + request.transactionId(), request.rawPayload(), clock.instant()));
			return authorization;
		}
		ChargingSession session = found.get();
		if (session.status() == SessionStatus.ACTIVE) {
			finish(session, request);
		}
		return authorization;
	}

	private void finish(ChargingSession session, TransactionStopRequest request) {
		Instant now = clock.instant();
		session.stop(request, now);
		meterReadings.store(request.chargerId(), session.connectorId(), session.transactionId(), session.id(),
				request.transactionData(), now);
		events.publishEvent(new SessionEnded(session.id(), session.chargerId(), session.transactionId(),
				session.idTag(), session.userId(), session.energyWh(), session.meterAnomaly(), request.timestamp()));
	}
}
