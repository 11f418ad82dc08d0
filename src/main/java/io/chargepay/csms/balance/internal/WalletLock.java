package io.chargepay.csms.balance.internal;

import java.time.Instant;

import io.chargepay.csms.persistence.AssignedIdEntity;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One row per wallet, locked ({@code SELECT ... FOR UPDATE}) while a check of that wallet decides and reserves, so
 * checks of one wallet take turns there and never both spend the same funds.
 */
@Entity
@Table(name = "wallet_locks")
public class WalletLock extends AssignedIdEntity<WalletKey> {

	@EmbeddedId
	private WalletKey wallet;
	private Instant createdAt;

	protected WalletLock() {
		this.wallet = new WalletKey("", "");
		this.createdAt = Instant.EPOCH;
	}

	@Override
	public WalletKey getId() {
		return wallet;
	}

	public WalletLock(WalletKey wallet, Instant createdAt) {
		this.wallet = wallet;
		this.createdAt = createdAt;
	}
}
