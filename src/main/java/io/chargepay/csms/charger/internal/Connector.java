package io.chargepay.csms.charger.internal;

import java.time.Instant;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * The latest status a charger reported for one of its connectors, as the views show it. Written only by
 * {@link ConnectorStatuses}, in plain SQL.
 */
@Entity
@Immutable
@Table(name = "connectors")
public class Connector {

	@EmbeddedId
	private ConnectorKey key;
	private String status;
	private String errorCode;
	private Instant statusAt;

	protected Connector() {
		this.key = new ConnectorKey("", 0);
		this.status = "";
		this.errorCode = "";
		this.statusAt = Instant.EPOCH;
	}

	public int connectorId() { return key.connectorId(); }
	public String status() { return status; }
	public String errorCode() { return errorCode; }
	public Instant statusAt() { return statusAt; }
}
