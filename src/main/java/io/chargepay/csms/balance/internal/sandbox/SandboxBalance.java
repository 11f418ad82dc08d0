package io.chargepay.csms.balance.internal.sandbox;

import java.math.BigDecimal;
import java.time.Instant;

import io.chargepay.csms.balance.internal.WalletKey;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A sandbox wallet's balance, in fiat, as an operator set it. */
@Entity
@Table(name = "sandbox_balances")
public class SandboxBalance {

	@EmbeddedId
	private WalletKey wallet;
	private BigDecimal amount;
	private Instant updatedAt;

	protected SandboxBalance() {
		this.wallet = new WalletKey("", "");
		this.amount = BigDecimal.ZERO;
		this.updatedAt = Instant.EPOCH;
	}

	SandboxBalance(WalletKey wallet, BigDecimal amount, Instant updatedAt) {
		this.wallet = wallet;
		this.amount = amount;
		this.updatedAt = updatedAt;
	}

	void set(BigDecimal amount, Instant updatedAt) {
		this.amount = amount;
		this.updatedAt = updatedAt;
	}

	BigDecimal amount() { return amount; }
	Instant updatedAt() { return updatedAt; }
}
