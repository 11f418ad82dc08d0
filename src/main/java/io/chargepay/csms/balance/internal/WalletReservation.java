package io.chargepay.csms.balance.internal;

import java.math.BigDecimal;
import java.time.Instant;

import io.chargepay.csms.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * The amount a sufficient check holds on its wallet until the session it allowed fails, expires or ends. Until a
 * session takes it, it expires at {@code expiresAt} (csms.balance.hold-ttl after the check).
 */
@Entity
@Table(name = "wallet_reservations")
public class WalletReservation extends AssignedIdEntity<String> {

	public enum Status { HELD, RELEASED }

	@Id
	@Column(name = "balance_check_id")
	private String balanceCheckId;
	@Embedded
	private WalletKey wallet;
	private BigDecimal amount;
	@Enumerated(EnumType.STRING)
	private Status status;
	private Instant createdAt;
	private @Nullable Instant releasedAt;
	private @Nullable Instant expiresAt;

	protected WalletReservation() {
		this.balanceCheckId = "";
		this.wallet = new WalletKey("", "");
		this.amount = BigDecimal.ZERO;
		this.status = Status.RELEASED;
		this.createdAt = Instant.EPOCH;
	}

	@Override
	public String getId() {
		return balanceCheckId;
	}

	public WalletReservation(String balanceCheckId, WalletKey wallet, BigDecimal amount, Instant now,
			Instant expiresAt) {
		this.balanceCheckId = balanceCheckId;
		this.wallet = wallet;
		this.amount = amount;
		this.status = Status.HELD;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}
}
