package io.chargepay.csms.charger.internal;

import java.time.Instant;

import io.chargepay.csms.charger.ChargerBoot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "chargers")
public class Charger {

	@Id
	private String id;
	@Column(name = "password_hash")
	private String passwordHash;
	private @Nullable String keyVerifier;
	private @Nullable String firmwareStatus;
	private @Nullable Instant firmwareStatusAt;
	private @Nullable String diagnosticsStatus;
	private @Nullable Instant diagnosticsStatusAt;
	private @Nullable String logStatus;
	private @Nullable Instant logStatusAt;
	private boolean enabled;
	private @Nullable String vendor;
	private @Nullable String model;
	private @Nullable String serialNumber;
	private @Nullable String chargeBoxSerialNumber;
	private @Nullable String firmwareVersion;
	private @Nullable String iccid;
	private @Nullable String imsi;
	private @Nullable String meterType;
	private @Nullable String meterSerialNumber;
	private Instant registeredAt;
	private @Nullable Instant lastBootAt;
	private @Nullable Instant lastSeenAt;

	protected Charger() {
		this.id = "";
		this.passwordHash = "";
		this.registeredAt = Instant.EPOCH;
	}

	/** {@code keyVerifier}: made from a chosen key at registration (KeyVerifiers); null for a generated key. */
	public Charger(String id, String passwordHash, @Nullable String keyVerifier, Instant registeredAt) {
		this.id = id;
		this.passwordHash = passwordHash;
		this.keyVerifier = keyVerifier;
		this.registeredAt = registeredAt;
		this.enabled = true;
	}

	public void booted(ChargerBoot boot, Instant at) {
		this.vendor = boot.vendor();
		this.model = boot.model();
		this.serialNumber = boot.serialNumber();
		this.chargeBoxSerialNumber = boot.chargeBoxSerialNumber();
		this.firmwareVersion = boot.firmwareVersion();
		this.iccid = boot.iccid();
		this.imsi = boot.imsi();
		this.meterType = boot.meterType();
		this.meterSerialNumber = boot.meterSerialNumber();
		this.lastBootAt = at;
		this.lastSeenAt = at;
	}

	/** A new key's hash, with its verifier when one was made from the key (a chosen key), else none. */
	public void changePasswordHash(String passwordHash, @Nullable String keyVerifier) {
		this.passwordHash = passwordHash;
		this.keyVerifier = keyVerifier;
	}

	public void disable() {
		this.enabled = false;
	}

	public String id() { return id; }
	public Instant registeredAt() { return registeredAt; }
	public String passwordHash() { return passwordHash; }
	public @Nullable String keyVerifier() { return keyVerifier; }
	public @Nullable String firmwareStatus() { return firmwareStatus; }
	public @Nullable Instant firmwareStatusAt() { return firmwareStatusAt; }
	public @Nullable String diagnosticsStatus() { return diagnosticsStatus; }
	public @Nullable Instant diagnosticsStatusAt() { return diagnosticsStatusAt; }
	public @Nullable String logStatus() { return logStatus; }
	public @Nullable Instant logStatusAt() { return logStatusAt; }
	public boolean isEnabled() { return enabled; }
	public @Nullable String vendor() { return vendor; }
	public @Nullable String model() { return model; }
	public @Nullable String firmwareVersion() { return firmwareVersion; }
	public @Nullable Instant lastBootAt() { return lastBootAt; }
	public @Nullable Instant lastSeenAt() { return lastSeenAt; }
}
