package io.chargepay.csms.charger.internal;

import java.time.Instant;

import io.chargepay.csms.charger.ConnectorStatusReport;
import io.chargepay.csms.persistence.AssignedIdEntity;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** The latest status a charger reported for one of its connectors. */
@Entity
@Table(name = "connectors")
public class Connector extends AssignedIdEntity<ConnectorKey> {

	@EmbeddedId
	private ConnectorKey key;
	private String status;
	private String errorCode;
	private @Nullable String info;
	private @Nullable String vendorId;
	private @Nullable String vendorErrorCode;
	private Instant statusAt;
	private Instant updatedAt;

	protected Connector() {
		this.key = new ConnectorKey("", 0);
		this.status = "";
		this.errorCode = "";
		this.statusAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	@Override
	public ConnectorKey getId() {
		return key;
	}

	Connector(ConnectorKey key, ConnectorStatusReport report, Instant now) {
		this.key = key;
		this.status = "";
		this.errorCode = "";
		this.statusAt = report.timestamp();
		this.updatedAt = now;
		apply(report, now);
	}

	/** Keeps the newest report: chargers replaying queued messages after a reconnect may send older ones last. */
	void apply(ConnectorStatusReport report, Instant now) {
		if (!status.isEmpty() && report.timestamp().isBefore(statusAt)) {
			return;
		}
		this.status = report.status();
		this.errorCode = report.errorCode();
		this.info = report.info();
		this.vendorId = report.vendorId();
		this.vendorErrorCode = report.vendorErrorCode();
		this.statusAt = report.timestamp();
		this.updatedAt = now;
	}

	public int connectorId() { return key.connectorId(); }
	public String status() { return status; }
	public String errorCode() { return errorCode; }
	public Instant statusAt() { return statusAt; }
}
