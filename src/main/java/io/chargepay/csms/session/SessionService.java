package io.chargepay.csms.session;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.identity.Authorization;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.session.internal.ChargerTransactions;
import io.chargepay.csms.session.internal.ChargingSession;
import io.chargepay.csms.session.internal.ChargingSessionRepository;
import io.chargepay.csms.session.internal.MeterReadings;
import io.chargepay.csms.session.internal.OpenTransactions;
import io.chargepay.csms.session.internal.RfidGate;
import io.chargepay.csms.session.internal.SessionMetrics;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Charging sessions: what chargers report about them, and their lifecycle from start to payment. */
@Service
public class SessionService {

	private final ChargingSessionRepository sessions;
	private final ChargerTransactions transactions;
	private final MeterReadings meterReadings;
	private final IdentityService identity;
	private final RfidGate rfidGate;
	private final OpenTransactions openTransactions;
	private final SessionMetrics metrics;
	private final Clock clock;
	private final TransactionTemplate readOnly;

	/**
	 * What a StartTransaction reads before its balance check, in one read-only transaction: whether it repeats a stored
	 * start, whether the app started it, and what the balance gate needs (BENCHMARKS.md, fourth session).
	 */
	private record StartLookup(Optional<ChargingSession> repeat, boolean appStarted, RfidGate.Candidate candidate) {
	}

	SessionService(ChargingSessionRepository sessions, ChargerTransactions transactions, MeterReadings meterReadings,
			IdentityService identity, RfidGate rfidGate, OpenTransactions openTransactions, SessionMetrics metrics,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.sessions = sessions;
		this.transactions = transactions;
		this.meterReadings = meterReadings;
		this.identity = identity;
		this.rfidGate = rfidGate;
		this.openTransactions = openTransactions;
		this.metrics = metrics;
		this.clock = clock;
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Stores the transaction whatever the idTag's status and always returns a transactionId (OCPP 1.6 §4.8: the charger
	 * stops a transaction that was not accepted). A repeat of the same StartTransaction gets the same id back.
	 */
	public TransactionStarted startTransaction(TransactionStartRequest request) {
		StartLookup lookup = Objects.requireNonNull(readOnly.execute(status -> lookUp(request)));
		Authorization authorization = lookup.candidate().authorization();
		if (lookup.repeat().isPresent()) {
			return new TransactionStarted(lookup.repeat().get().transactionId(), authorization);
		}
		// A session the app started was checked already; one started at the charger passes the balance gate here,
		// before the transaction that records it, so no database transaction waits on the chain.
		boolean appStarted = lookup.appStarted();
		RfidGate.Decision decision = appStarted ? new RfidGate.Decision(authorization, null)
				: rfidGate.forStart(lookup.candidate());
		ChargingSession session = transactions.record(request, decision.authorization(), decision.balanceCheckId());
		metrics.started(appStarted ? "app" : "charger");
		return new TransactionStarted(session.transactionId(), decision.authorization());
	}

	/** A repeat or an app start needs only the idTag's authorization; a start at the charger, the gate's candidate. */
	private StartLookup lookUp(TransactionStartRequest request) {
		Optional<ChargingSession> repeat = transactions.repeatOf(request);
		boolean appStarted = repeat.isEmpty() && transactions.hasPendingFor(request);
		RfidGate.Candidate candidate = repeat.isEmpty() && !appStarted ? rfidGate.candidate(request.idTag())
				: new RfidGate.Candidate(request.idTag(), identity.authorize(request.idTag()), null);
		return new StartLookup(repeat, appStarted, candidate);
	}

	/** Authorize from a charger: the idTag's status, gated on its user's wallet (see {@link RfidGate}). */
	public Authorization authorize(String idTag) {
		return rfidGate.authorize(idTag);
	}

	/** Completes once the values are committed, together with other chargers' (see MeterReadings). */
	public CompletableFuture<Void> recordMeterValues(String chargerId, int connectorId, @Nullable Integer transactionId,
			List<MeterSample> samples) {
		String sessionId = transactionId == null ? null
				: openTransactions.sessionId(chargerId, transactionId).orElse(null);
		return meterReadings.store(chargerId, connectorId, transactionId, sessionId, samples, clock.instant());
	}

	/** Ends the session the stop names, once; see {@link ChargerTransactions#stop}. */
	@Transactional
	public Optional<Authorization> stopTransaction(TransactionStopRequest request) {
		transactions.stop(request);
		return Optional.ofNullable(request.idTag()).map(identity::authorize);
	}

	@Transactional(readOnly = true)
	public Optional<SessionView> find(String sessionId) {
		return sessions.findById(sessionId).map(ChargingSession::view);
	}

	@Transactional(readOnly = true)
	public Optional<SessionView> findByTransaction(String chargerId, int transactionId) {
		return sessions.findByTransactionIdAndChargerId(transactionId, chargerId).map(ChargingSession::view);
	}

	/** A user's sessions, newest first. */
	@Transactional(readOnly = true)
	public Page<SessionView> history(String userId, int page, int size) {
		return sessions.findByUserIdOrderByCreatedAtDesc(userId, PageRequest.of(page, size)).map(ChargingSession::view);
	}

	/** All sessions, or only those no user is associated with, newest first (operators). */
	@Transactional(readOnly = true)
	public Page<SessionView> all(boolean unassignedOnly, int page, int size) {
		PageRequest request = PageRequest.of(page, size);
		return (unassignedOnly ? sessions.findByUserIdIsNullOrderByCreatedAtDesc(request)
				: sessions.findAllByOrderByCreatedAtDesc(request)).map(ChargingSession::view);
	}

	/** The payment link of record for a finished session. */
	@Transactional
	public void attachPaymentLink(String sessionId, String paymentLinkId) {
		locked(sessionId).linkPayment(paymentLinkId, clock.instant());
	}

	@Transactional
	public void markPaid(String sessionId) {
		ChargingSession session = locked(sessionId);
		if (session.status() == SessionStatus.COMPLETED) {
			session.paid(clock.instant());
		}
	}

	private ChargingSession locked(String sessionId) {
		return sessions.findForUpdate(sessionId).orElseThrow(() -> new UnknownSessionException(sessionId));
	}
}
