package io.chargepay.csms.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.chargepay.csms.identity.internal.IdTagEntry;
import io.chargepay.csms.identity.internal.IdTagRepository;
import io.chargepay.csms.identity.internal.User;
import io.chargepay.csms.identity.internal.UserRepository;
import io.chargepay.csms.identity.internal.UserWallets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their idTags and wallets, and the authorization decision for an idTag. */
@Service
public class IdentityService {

	public static final int MAX_ID_TAG_LENGTH = 20;
	private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

	private final UserRepository users;
	private final IdTagRepository idTags;
	private final UserWallets wallets;
	private final Clock clock;

	IdentityService(UserRepository users, IdTagRepository idTags, UserWallets wallets, Clock clock) {
		this.users = users;
		this.idTags = idTags;
		this.wallets = wallets;
		this.clock = clock;
	}

	@Transactional
	public void createUser(String userId, Collection<String> tags) {
		createUser(userId, tags, List.of());
	}

	/** Creates a user with idTags and wallets, all or nothing. */
	@Transactional
	public void createUser(String userId, Collection<String> tags, Collection<Wallet> userWallets) {
		if (users.existsById(userId)) {
			throw new IdentityConflictException("User " + userId + " already exists");
		}
		users.save(new User(userId, clock.instant()));
		tags.forEach(tag -> addIdTag(userId, tag));
		userWallets.forEach(wallet -> wallets.add(userId, wallet));
	}

	@Transactional(readOnly = true)
	public boolean userExists(String userId) {
		return users.existsById(userId);
	}

	@Transactional(readOnly = true)
	public Optional<UserProfile> findUser(String userId) {
		return users.findById(userId).map(user -> new UserProfile(user.id(), user.createdAt(),
				idTags.findByUserIdOrderByCreatedAtAsc(userId).stream()
						.map(tag -> new UserProfile.IdTagView(tag.idTag(), tag.blocked(), tag.expiresAt()))
						.toList(),
				wallets.of(userId)));
	}

	@Transactional
	public void addIdTag(String userId, String idTag) {
		requireUser(userId);
		if (idTag.isBlank() || idTag.length() > MAX_ID_TAG_LENGTH) {
			throw new InvalidIdTagException(MAX_ID_TAG_LENGTH);
		}
		if (idTags.existsById(idTag)) {
			throw new IdentityConflictException("idTag " + idTag + " is already assigned");
		}
		idTags.save(new IdTagEntry(idTag, userId, clock.instant()));
	}

	@Transactional
	public void removeIdTag(String userId, String idTag) {
		idTags.delete(ownedTag(userId, idTag));
	}

	/** Blocks or unblocks an idTag and sets (or clears, with null) its expiry. */
	@Transactional
	public void updateIdTag(String userId, String idTag, boolean blocked, @Nullable Instant expiresAt) {
		IdTagEntry entry = ownedTag(userId, idTag);
		entry.block(blocked);
		entry.expireAt(expiresAt);
	}

	@Transactional
	public void blockIdTag(String idTag, boolean blocked) {
		idTags.findById(idTag).ifPresent(entry -> entry.block(blocked));
	}

	@Transactional
	public void setIdTagExpiry(String idTag, @Nullable Instant expiresAt) {
		idTags.findById(idTag).ifPresent(entry -> entry.expireAt(expiresAt));
	}

	@Transactional
	public void addWallet(String userId, Wallet wallet) {
		requireUser(userId);
		wallets.add(userId, wallet);
	}

	@Transactional
	public void removeWallet(String userId, String chain, String address) {
		wallets.remove(userId, chain, address);
	}

	/** Whether the wallet is one of the user's on that chain; addresses compare without case (EIP-55 is a checksum). */
	@Transactional(readOnly = true)
	public boolean ownsWallet(String userId, String chain, String address) {
		return wallets.of(userId).stream().anyMatch(wallet -> wallet.chain().equalsIgnoreCase(chain)
				&& wallet.address().equalsIgnoreCase(address));
	}

	/** The wallet sessions started at the charger are paid from: the default one, else the only one. */
	@Transactional(readOnly = true)
	public Optional<Wallet> defaultWallet(String userId) {
		return wallets.defaultOf(userId);
	}

	/** Unknown → Invalid, blocked → Blocked, past its expiry → Expired, otherwise Accepted. */
	@Transactional(readOnly = true)
	public Authorization authorize(String idTag) {
		return idTags.findById(idTag)
				.map(entry -> entry.authorization(clock.instant()))
				.orElseGet(Authorization::invalid);
	}

	/**
	 * Gives a user without an idTag one, so a charger can be told whom a remote start is for: "APP-" and 16 random
	 * characters, within OCPP's 20.
	 */
	@Transactional
	public String generateIdTag(String userId) {
		String idTag = "APP-" + java.util.HexFormat.of().formatHex(randomBytes(8)).toUpperCase(java.util.Locale.ROOT);
		addIdTag(userId, idTag);
		return idTag;
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	/** The user's first idTag, if any. */
	@Transactional(readOnly = true)
	public Optional<String> idTagOf(String userId) {
		return idTags.findByUserIdOrderByCreatedAtAsc(userId).stream().map(IdTagEntry::idTag).findFirst();
	}

	private void requireUser(String userId) {
		if (!users.existsById(userId)) {
			throw new IdentityNotFoundException("User " + userId + " does not exist");
		}
	}

	private IdTagEntry ownedTag(String userId, String idTag) {
		return idTags.findById(idTag)
				.filter(entry -> entry.userId().equals(userId))
				.orElseThrow(() -> new IdentityNotFoundException("User " + userId + " has no idTag " + idTag));
	}
}
