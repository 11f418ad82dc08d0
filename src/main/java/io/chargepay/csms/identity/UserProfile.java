package io.chargepay.csms.identity;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A user with their idTags and wallets. */
public record UserProfile(String userId, Instant createdAt, List<IdTagView> idTags, List<Wallet> wallets) {

	public record IdTagView(String idTag, boolean blocked, @Nullable Instant expiresAt) {
	}
}
