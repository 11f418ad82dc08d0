package io.chargepay.csms.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;

import io.chargepay.csms.identity.internal.IdTagEntry;
import io.chargepay.csms.identity.internal.IdTagRepository;
import io.chargepay.csms.identity.internal.User;
import io.chargepay.csms.identity.internal.UserRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their idTags, and the authorization decision for an idTag. */
@Service
public class IdentityService {

	public static final int MAX_ID_TAG_LENGTH = 20;

	private final UserRepository users;
	private final IdTagRepository idTags;
	private final Clock clock;

	IdentityService(UserRepository users, IdTagRepository idTags, Clock clock) {
		this.users = users;
		this.idTags = idTags;
		this.clock = clock;
	}

	@Transactional
	public void createUser(String userId, Collection<String> tags) {
		users.save(new User(userId, clock.instant()));
		tags.forEach(tag -> addIdTag(userId, tag));
	}

	@Transactional(readOnly = true)
	public boolean userExists(String userId) {
		return users.existsById(userId);
	}

	@Transactional
	public void addIdTag(String userId, String idTag) {
		if (idTag.isBlank() || idTag.length() > MAX_ID_TAG_LENGTH) {
			throw new IllegalArgumentException("An idTag is 1 to " + MAX_ID_TAG_LENGTH + " characters long");
		}
		idTags.save(new IdTagEntry(idTag, userId, clock.instant()));
	}

	@Transactional
	public void blockIdTag(String idTag, boolean blocked) {
		idTags.findById(idTag).ifPresent(entry -> entry.block(blocked));
	}

	@Transactional
	public void setIdTagExpiry(String idTag, @Nullable Instant expiresAt) {
		idTags.findById(idTag).ifPresent(entry -> entry.expireAt(expiresAt));
	}

	/** Unknown → Invalid, blocked → Blocked, past its expiry → Expired, otherwise Accepted. */
	@Transactional(readOnly = true)
	public Authorization authorize(String idTag) {
		return idTags.findById(idTag)
				.map(entry -> entry.authorization(clock.instant()))
				.orElseGet(Authorization::invalid);
	}
}
