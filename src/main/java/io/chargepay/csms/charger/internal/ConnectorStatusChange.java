package io.chargepay.csms.charger.internal;

import java.time.Instant;

import io.chargepay.csms.charger.ConnectorStatusReport;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One row of a connector's status history, exactly as the charger reported it. */
@Entity
@Table(name = "connector_status_history")
public class ConnectorStatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private String chargerId;
	private int connectorId;
	private String status;
	private String errorCode;
	private @Nullable String info;
	private @Nullable String vendorId;
	private @Nullable String vendorErrorCode;
	private Instant statusAt;
	private Instant receivedAt;

	protected ConnectorStatusChange() {
		this.chargerId = "";
		this.status = "";
		this.errorCode = "";
		this.statusAt = Instant.EPOCH;
		this.receivedAt = Instant.EPOCH;
	}

	ConnectorStatusChange(String chargerId, ConnectorStatusReport report, Instant receivedAt) {
		this.chargerId = chargerId;
		this.connectorId = report.connectorId();
		this.status = report.status();
		this.errorCode = report.errorCode();
		this.info = report.info();
		this.vendorId = report.vendorId();
		this.vendorErrorCode = report.vendorErrorCode();
		this.statusAt = report.timestamp();
		this.receivedAt = receivedAt;
	}

	public int connectorId() { return connectorId; }
	public String status() { return status; }
	public String errorCode() { return errorCode; }
	public @Nullable String info() { return info; }
	public @Nullable String vendorErrorCode() { return vendorErrorCode; }
	public Instant statusAt() { return statusAt; }
}
