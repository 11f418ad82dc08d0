package io.chargepay.csms.session.internal;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One sampled value, with the OCPP defaults filled in and active energy normalized to Wh. */
@Entity
@Table(name = "meter_values")
public class MeterValue {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private String chargerId;
	private int connectorId;
	private @Nullable Integer transactionId;
	private @Nullable String sessionId;
	private Instant sampledAt;
	private String measurand;
	private String unit;
	private String context;
	private @Nullable String phase;
	private String location;
	private String format;
	private String rawValue;
	private @Nullable BigDecimal numericValue;
	private @Nullable BigDecimal valueWh;
	private Instant receivedAt;

	protected MeterValue() {
		this.chargerId = "";
		this.sampledAt = Instant.EPOCH;
		this.measurand = "";
		this.unit = "";
		this.context = "";
		this.location = "";
		this.format = "";
		this.rawValue = "";
		this.receivedAt = Instant.EPOCH;
	}

	MeterValue(String chargerId, int connectorId, @Nullable Integer transactionId, @Nullable String sessionId,
			Instant sampledAt, String measurand, String unit, String context, @Nullable String phase, String location,
			String format, String rawValue, @Nullable BigDecimal numericValue, @Nullable BigDecimal valueWh,
			Instant receivedAt) {
		this.chargerId = chargerId;
		this.connectorId = connectorId;
		this.transactionId = transactionId;
		this.sessionId = sessionId;
		this.sampledAt = sampledAt;
		this.measurand = measurand;
		this.unit = unit;
		this.context = context;
		this.phase = phase;
		this.location = location;
		this.format = format;
		this.rawValue = rawValue;
		this.numericValue = numericValue;
		this.valueWh = valueWh;
		this.receivedAt = receivedAt;
	}

	public @Nullable Integer transactionId() { return transactionId; }
	public @Nullable String sessionId() { return sessionId; }
	public Instant sampledAt() { return sampledAt; }
	public String measurand() { return measurand; }
	public String unit() { return unit; }
	public String context() { return context; }
	public @Nullable String phase() { return phase; }
	public String location() { return location; }
	public String format() { return format; }
	public String rawValue() { return rawValue; }
	public @Nullable BigDecimal valueWh() { return valueWh; }
}
