package io.chargepay.csms.identity.internal;

import java.time.Instant;

import io.chargepay.csms.identity.Authorization;
import io.chargepay.csms.identity.AuthorizationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** An idTag and the user it belongs to. */
@Entity
@Table(name = "id_tags")
public class IdTagEntry {

	@Id
	@Column(name = "id_tag")
	private String idTag;
	private String userId;
	private boolean blocked;
	private @Nullable Instant expiresAt;
	private @Nullable String parentIdTag;
	private Instant createdAt;

	protected IdTagEntry() {
		this.idTag = "";
		this.userId = "";
		this.createdAt = Instant.EPOCH;
	}

	public IdTagEntry(String idTag, String userId, Instant createdAt) {
		this.idTag = idTag;
		this.userId = userId;
		this.createdAt = createdAt;
	}

	public void block(boolean blocked) {
		this.blocked = blocked;
	}

	public void expireAt(@Nullable Instant expiresAt) {
		this.expiresAt = expiresAt;
	}

	public String idTag() { return idTag; }

	public String userId() { return userId; }

	public boolean blocked() { return blocked; }

	public @Nullable Instant expiresAt() { return expiresAt; }

	public Authorization authorization(Instant now) {
		AuthorizationStatus status = blocked ? AuthorizationStatus.BLOCKED
				: expiresAt != null && !expiresAt.isAfter(now) ? AuthorizationStatus.EXPIRED
				: AuthorizationStatus.ACCEPTED;
		return new Authorization(status, userId, expiresAt, parentIdTag);
	}
}
