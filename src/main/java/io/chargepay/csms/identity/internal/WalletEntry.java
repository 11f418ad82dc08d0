package io.chargepay.csms.identity.internal;

import java.io.Serializable;
import java.time.Instant;

import io.chargepay.csms.identity.Wallet;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "wallets")
public class WalletEntry {

	@Embeddable
	public record Key(@Column(name = "user_id") String userId, String chain, String address) implements Serializable {
	}

	@EmbeddedId
	private Key key;
	@Column(name = "is_default")
	private boolean isDefault;
	private Instant createdAt;

	protected WalletEntry() {
		this.key = new Key("", "", "");
		this.createdAt = Instant.EPOCH;
	}

	public WalletEntry(String userId, String chain, String address, boolean isDefault, Instant createdAt) {
		this.key = new Key(userId, chain, address);
		this.isDefault = isDefault;
		this.createdAt = createdAt;
	}

	public Key key() { return key; }

	public boolean isDefault() { return isDefault; }

	public void makeDefault(boolean isDefault) {
		this.isDefault = isDefault;
	}

	public Wallet toWallet() {
		return new Wallet(key.address(), key.chain(), isDefault);
	}
}
