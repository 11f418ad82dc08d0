package io.chargepay.csms.session.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A charger message that could not be applied, kept verbatim for an operator. */
@Entity
@Table(name = "quarantined_messages")
public class QuarantinedMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private String chargerId;
	private String action;
	private String reason;
	private String payload;
	private Instant receivedAt;

	protected QuarantinedMessage() {
		this.chargerId = "";
		this.action = "";
		this.reason = "";
		this.payload = "";
		this.receivedAt = Instant.EPOCH;
	}

	public QuarantinedMessage(String chargerId, String action, String reason, String payload, Instant receivedAt) {
		this.chargerId = chargerId;
		this.action = action;
		this.reason = reason;
		this.payload = payload;
		this.receivedAt = receivedAt;
	}

	public String action() { return action; }
	public String reason() { return reason; }
	public String payload() { return payload; }
}
