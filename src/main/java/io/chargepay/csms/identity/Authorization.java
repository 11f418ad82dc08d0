package io.chargepay.csms.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** The answer to "may this idTag charge?", with what a charger may cache about it. */
public record Authorization(
		AuthorizationStatus status,
		@Nullable String userId,
		@Nullable Instant expiresAt,
		@Nullable String parentIdTag) {

	public static Authorization invalid() {
		return new Authorization(AuthorizationStatus.INVALID, null, null, null);
	}

	public boolean accepted() {
		return status == AuthorizationStatus.ACCEPTED;
	}

	public Authorization withStatus(AuthorizationStatus newStatus) {
		return new Authorization(newStatus, userId, expiresAt, parentIdTag);
	}
}
