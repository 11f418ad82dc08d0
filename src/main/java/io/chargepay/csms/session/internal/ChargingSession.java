package io.chargepay.csms.session.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.chargepay.csms.identity.Authorization;
import io.chargepay.csms.persistence.AssignedIdEntity;
import io.chargepay.csms.session.Actor;
import io.chargepay.csms.session.Money;
import io.chargepay.csms.session.SessionStatus;
import io.chargepay.csms.session.SessionView;
import io.chargepay.csms.session.TransactionStartRequest;
import io.chargepay.csms.session.TransactionStopRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** A charging session: one OCPP transaction on one connector, from (pending) start to stop and payment. */
@Entity
@Table(name = "charging_sessions")
public class ChargingSession extends AssignedIdEntity<String> {

	/** 1 GWh: a 350 kW charger running for 119 days. More in one session is a faulty or hostile meter, not a bill. */
	static final long PLAUSIBLE_ENERGY_WH = 1_000_000_000L;

	@Id
	private String id;
	private @Nullable Integer transactionId;
	private String chargerId;
	private int connectorId;
	private String idTag;
	private @Nullable String userId;
	@Enumerated(EnumType.STRING)
	private SessionStatus status;
	private String authorizationStatus;
	@Column(name = "meter_start_wh")
	private @Nullable Long meterStartWh;
	private @Nullable Instant startedAt;
	private @Nullable Integer reservationId;
	@Column(name = "meter_stop_wh")
	private @Nullable Long meterStopWh;
	private @Nullable Instant stoppedAt;
	private @Nullable String stopReason;
	private @Nullable String stopIdTag;
	private @Nullable Long energyWh;
	private boolean meterAnomaly;
	private @Nullable String balanceCheckId;
	private @Nullable String walletAddress;
	private @Nullable String chain;
	private @Nullable BigDecimal expectedMaxCost;
	private @Nullable String metadata;
	private @Nullable Instant pendingUntil;
	private @Nullable String failureReason;
	private @Nullable BigDecimal finalCost;
	private @Nullable Long amountMinor;
	private @Nullable String currency;
	private boolean billingHold;
	private @Nullable String paymentLinkId;
	private @Nullable Instant paidAt;
	private @Nullable Instant stopRequestedAt;
	private @Nullable Long uncappedAmountMinor;
	private @Nullable String startedByKind;
	private @Nullable String startedById;
	private @Nullable String stoppedByKind;
	private @Nullable String stoppedById;
	private Instant createdAt;
	private Instant updatedAt;
	@Version
	private long version;

	protected ChargingSession() {
		this.id = "";
		this.chargerId = "";
		this.idTag = "";
		this.status = SessionStatus.ACTIVE;
		this.authorizationStatus = "";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	@Override
	public String getId() {
		return id;
	}

	/** A transaction a charger started on its own (RFID, free vend) or one we did not know was coming. */
	public static ChargingSession started(TransactionStartRequest request, int transactionId,
			Authorization authorization, @Nullable String balanceCheckId, Instant now) {
		ChargingSession session = new ChargingSession();
		session.id = UUID.randomUUID().toString();
		session.chargerId = request.chargerId();
		session.connectorId = request.connectorId();
		session.idTag = request.idTag();
		session.userId = authorization.userId();
		session.balanceCheckId = balanceCheckId;
		session.createdAt = now;
		session.startedBy(Actor.charger(request.chargerId()));
		session.activate(request, transactionId, authorization, now);
		return session;
	}

	/** A session started from the app: it waits for the charger's StartTransaction until {@code pendingUntil}. */
	public static ChargingSession pending(PendingSession request, Instant now) {
		ChargingSession session = new ChargingSession();
		session.id = UUID.randomUUID().toString();
		session.chargerId = request.chargerId();
		session.connectorId = request.connectorId() == null ? 0 : request.connectorId();
		session.idTag = request.idTag();
		session.userId = request.userId();
		session.status = SessionStatus.PENDING;
		session.authorizationStatus = "ACCEPTED";
		session.balanceCheckId = request.balanceCheckId();
		session.walletAddress = request.walletAddress();
		session.chain = request.chain();
		session.expectedMaxCost = request.expectedMaxCost();
		session.metadata = request.metadata();
		session.pendingUntil = request.pendingUntil();
		session.startedBy(request.requestedBy());
		session.createdAt = now;
		session.updatedAt = now;
		return session;
	}

	/** The charger's StartTransaction: the session is charging under {@code transactionId}. */
	public void activate(TransactionStartRequest request, int transactionId, Authorization authorization, Instant now) {
		this.transactionId = transactionId;
		this.connectorId = request.connectorId();
		this.status = SessionStatus.ACTIVE;
		this.authorizationStatus = authorization.status().name();
		this.meterStartWh = request.meterStartWh();
		this.startedAt = request.timestamp();
		this.reservationId = request.reservationId();
		this.pendingUntil = null;
		this.updatedAt = now;
	}

	/**
	 * A meter that ran backwards, reads below zero or whose difference overflows is stored as reported and flagged: it
	 * is never billed from, and the session waits for an operator.
	 */
	public void stop(TransactionStopRequest request, Instant now) {
		if (stoppedByKind == null) {
			// Nobody asked for the stop: the charger's own (its idTag and reason are recorded beside).
			stoppedBy(Actor.charger(chargerId));
		}
		this.status = SessionStatus.COMPLETED;
		this.meterStopWh = request.meterStopWh();
		this.stoppedAt = request.timestamp();
		this.stopReason = request.reason() == null ? "Local" : request.reason();
		this.stopIdTag = request.idTag();
		this.energyWh = deliveredWh(meterStartWh == null ? 0 : meterStartWh, request.meterStopWh());
		this.meterAnomaly = energyWh == null;
		this.billingHold = meterAnomaly;
		this.updatedAt = now;
	}

	/**
	 * meterStop − meterStart, exactly; null when a register is negative, the meter ran backwards or the difference is
	 * beyond {@link #PLAUSIBLE_ENERGY_WH}.
	 */
	static @Nullable Long deliveredWh(long meterStartWh, long meterStopWh) {
		if (meterStartWh < 0 || meterStopWh < meterStartWh) {
			return null;
		}
		long delivered = Math.subtractExact(meterStopWh, meterStartWh);
		return delivered <= PLAUSIBLE_ENERGY_WH ? delivered : null;
	}

	/** A cost the tariff cannot state (beyond any amount a payment provider takes): an operator decides it. */
	public void holdBilling(Instant now) {
		this.billingHold = true;
		this.updatedAt = now;
	}

	/** Bills {@code bill}'s amount, keeping the tariff's when the balance check capped it. */
	public void bill(Tariff.Bill bill, Instant now) {
		bill(bill.amount(), now);
		this.uncappedAmountMinor = bill.uncapped() == null ? null : bill.uncapped().minorUnits();
	}

	public void bill(Money amount, Instant now) {
		this.amountMinor = amount.minorUnits();
		this.currency = amount.currency();
		this.updatedAt = now;
	}

	public void stopRequested(@Nullable BigDecimal finalCost, Actor by, Instant now) {
		stoppedBy(by);
		this.status = SessionStatus.STOPPING;
		this.finalCost = finalCost;
		this.stopRequestedAt = now;
		this.updatedAt = now;
	}

	/** A stop request the charger refused: the session goes on, priced by the tariff again. */
	public void stillActive(Instant now) {
		this.status = SessionStatus.ACTIVE;
		this.finalCost = null;
		this.stopRequestedAt = null;
		this.stoppedByKind = null;
		this.stoppedById = null;
		this.updatedAt = now;
	}

	public void fail(String reason, Actor by, Instant now) {
		stoppedBy(by);
		this.status = SessionStatus.FAILED;
		this.failureReason = reason;
		this.pendingUntil = null;
		this.updatedAt = now;
	}

	public void linkPayment(String paymentLinkId, Instant now) {
		this.paymentLinkId = paymentLinkId;
		this.updatedAt = now;
	}

	public void paid(Instant now) {
		this.status = SessionStatus.PAID;
		this.paidAt = now;
		this.updatedAt = now;
	}

	private void startedBy(Actor actor) {
		this.startedByKind = actor.kind().name();
		this.startedById = actor.id();
	}

	private void stoppedBy(Actor actor) {
		this.stoppedByKind = actor.kind().name();
		this.stoppedById = actor.id();
	}

	public SessionView view() {
		return new SessionView(id, userId, chargerId, connectorId, transactionId, idTag, status, balanceCheckId,
				walletAddress, chain, startedAt, stoppedAt, energyWh,
				amountMinor == null || currency == null ? null : new Money(amountMinor, currency), billingHold,
				stopReason, failureReason, paymentLinkId, metadata, createdAt, Actor.of(startedByKind, startedById),
				Actor.of(stoppedByKind, stoppedById), finalCost);
	}

	public String id() { return id; }
	public @Nullable Integer transactionId() { return transactionId; }
	public String chargerId() { return chargerId; }
	public int connectorId() { return connectorId; }
	public String idTag() { return idTag; }
	public @Nullable String userId() { return userId; }
	public SessionStatus status() { return status; }
	public @Nullable Long energyWh() { return energyWh; }
	public boolean meterAnomaly() { return meterAnomaly; }
	public boolean billingHold() { return billingHold; }
	public @Nullable BigDecimal expectedMaxCost() { return expectedMaxCost; }
	public @Nullable String balanceCheckId() { return balanceCheckId; }
	public @Nullable BigDecimal finalCost() { return finalCost; }
	public @Nullable Instant stoppedAt() { return stoppedAt; }
}
