package io.chargepay.csms.session.internal;

import java.time.Instant;
import java.util.UUID;

import io.chargepay.csms.identity.Authorization;
import io.chargepay.csms.session.SessionStatus;
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

/** A charging session: one OCPP transaction on one connector, from start to stop. */
@Entity
@Table(name = "charging_sessions")
public class ChargingSession {

	@Id
	private String id;
	private int transactionId;
	private String chargerId;
	private int connectorId;
	private String idTag;
	private @Nullable String userId;
	@Enumerated(EnumType.STRING)
	private SessionStatus status;
	private String authorizationStatus;
	@Column(name = "meter_start_wh")
	private long meterStartWh;
	private Instant startedAt;
	private @Nullable Integer reservationId;
	@Column(name = "meter_stop_wh")
	private @Nullable Long meterStopWh;
	private @Nullable Instant stoppedAt;
	private @Nullable String stopReason;
	private @Nullable String stopIdTag;
	private @Nullable Long energyWh;
	private boolean meterAnomaly;
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
		this.startedAt = Instant.EPOCH;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	public static ChargingSession started(TransactionStartRequest request, int transactionId,
			Authorization authorization, Instant now) {
		ChargingSession session = new ChargingSession();
		session.id = UUID.randomUUID().toString();
		session.transactionId = transactionId;
		session.chargerId = request.chargerId();
		session.connectorId = request.connectorId();
		session.idTag = request.idTag();
		session.userId = authorization.userId();
		session.status = SessionStatus.ACTIVE;
		session.authorizationStatus = authorization.status().name();
		session.meterStartWh = request.meterStartWh();
		session.startedAt = request.timestamp();
		session.reservationId = request.reservationId();
		session.createdAt = now;
		session.updatedAt = now;
		return session;
	}

	/** A meter that ran backwards is stored as reported and flagged: it is never billed from. */
	public void stop(TransactionStopRequest request, Instant now) {
		this.status = SessionStatus.COMPLETED;
		this.meterStopWh = request.meterStopWh();
		this.stoppedAt = request.timestamp();
		this.stopReason = request.reason() == null ? "Local" : request.reason();
		this.stopIdTag = request.idTag();
		this.meterAnomaly = request.meterStopWh() < meterStartWh;
		this.energyWh = meterAnomaly ? null : request.meterStopWh() - meterStartWh;
		this.updatedAt = now;
	}

	public String id() { return id; }
	public int transactionId() { return transactionId; }
	public String chargerId() { return chargerId; }
	public int connectorId() { return connectorId; }
	public String idTag() { return idTag; }
	public @Nullable String userId() { return userId; }
	public SessionStatus status() { return status; }
	public String authorizationStatus() { return authorizationStatus; }
	public long meterStartWh() { return meterStartWh; }
	public @Nullable Long meterStopWh() { return meterStopWh; }
	public @Nullable String stopReason() { return stopReason; }
	public @Nullable Long energyWh() { return energyWh; }
	public boolean meterAnomaly() { return meterAnomaly; }
}
