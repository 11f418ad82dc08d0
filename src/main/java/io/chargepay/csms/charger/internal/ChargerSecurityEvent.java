package io.chargepay.csms.charger.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** One SecurityEventNotification as the charger sent it, with the moment it arrived. */
@Entity
@Table(name = "charger_security_events")
public class ChargerSecurityEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private String chargerId;
	private String type;
	private Instant occurredAt;
	private @Nullable String techInfo;
	private Instant receivedAt;

	protected ChargerSecurityEvent() {
		this.chargerId = "";
		this.type = "";
		this.occurredAt = Instant.EPOCH;
		this.receivedAt = Instant.EPOCH;
	}

	public ChargerSecurityEvent(String chargerId, String type, Instant occurredAt, @Nullable String techInfo,
			Instant receivedAt) {
		this.chargerId = chargerId;
		this.type = type;
		this.occurredAt = occurredAt;
		this.techInfo = techInfo;
		this.receivedAt = receivedAt;
	}

	public String type() { return type; }
	public Instant occurredAt() { return occurredAt; }
	public @Nullable String techInfo() { return techInfo; }
	public Instant receivedAt() { return receivedAt; }
}
