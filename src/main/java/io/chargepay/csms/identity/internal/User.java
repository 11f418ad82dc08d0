package io.chargepay.csms.identity.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "users")
public class User {

	@Id
	private String id;
	private Instant createdAt;

	protected User() {
		this.id = "";
		this.createdAt = Instant.EPOCH;
	}

	public User(String id, Instant createdAt) {
		this.id = id;
		this.createdAt = createdAt;
	}

	public String id() { return id; }

	public Instant createdAt() { return createdAt; }
}
