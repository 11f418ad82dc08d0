package io.chargepay.csms.payment.internal;

import java.time.Instant;
import java.util.UUID;

import io.chargepay.csms.payment.PaymentLinkStatus;
import io.chargepay.csms.payment.PaymentLinkView;
import io.chargepay.csms.persistence.AssignedIdEntity;
import io.chargepay.csms.session.Actor;
import io.chargepay.csms.session.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One payment link of a session. While live (PENDING or ACTIVE) {@code liveSessionId} holds the session's id, which
 * the database keeps unique: a session never has two live links, whatever races between listener, retrier and
 * recreation.
 */
@Entity
@Table(name = "payment_links")
public class PaymentLink extends AssignedIdEntity<String> {

	@Id
	private String id;
	private String sessionId;
	private String provider;
	private @Nullable String externalId;
	private @Nullable String url;
	private long amountMinor;
	private String currency;
	@Enumerated(EnumType.STRING)
	private PaymentLinkStatus status;
	private int attempt;
	private @Nullable String liveSessionId;
	private String idempotencyKey;
	private int providerCalls;
	private @Nullable Instant nextAttemptAt;
	private Instant createdAt;
	private Instant expiresAt;
	private Instant updatedAt;
	private @Nullable String failureReason;
	private @Nullable String metadata;
	private @Nullable String replacementClaim;
	private @Nullable String createdByKind;
	private @Nullable String createdById;
	private @Nullable Instant replacementClaimedAt;
	@Version
	private long version;

	protected PaymentLink() {
		this.id = "";
		this.sessionId = "";
		this.provider = "";
		this.currency = "";
		this.status = PaymentLinkStatus.PENDING;
		this.idempotencyKey = "";
		this.createdAt = Instant.EPOCH;
		this.expiresAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	@Override
	public String getId() {
		return id;
	}

	/** A link to be created at the provider by whoever holds it until {@code claimedUntil}. */
	static PaymentLink pending(String sessionId, String provider, Money amount, int attempt, String metadata,
			Instant now, Instant expiresAt, Instant claimedUntil, Actor createdBy) {
		PaymentLink link = new PaymentLink();
		link.id = UUID.randomUUID().toString();
		link.sessionId = sessionId;
		link.provider = provider;
		link.amountMinor = amount.minorUnits();
		link.currency = amount.currency();
		link.attempt = attempt;
		link.liveSessionId = sessionId;
		link.idempotencyKey = "csms-link-" + sessionId + "-" + attempt;
		link.nextAttemptAt = claimedUntil;
		link.createdAt = now;
		link.expiresAt = expiresAt;
		link.updatedAt = now;
		link.metadata = metadata;
		link.createdByKind = createdBy.kind().name();
		link.createdById = createdBy.id();
		return link;
	}

	void activate(CreatedLink created, Instant now) {
		this.status = PaymentLinkStatus.ACTIVE;
		this.externalId = created.externalId();
		this.url = created.url();
		this.expiresAt = created.expiresAt();
		this.nextAttemptAt = null;
		this.failureReason = null;
		this.updatedAt = now;
	}

	/** A failed call: try again at {@code next}, under a fresh idempotency key if the old one holds a stored error. */
	void retryAt(Instant next, boolean keySpent, String reason, Instant now) {
		this.providerCalls++;
		if (keySpent) {
			this.idempotencyKey = "csms-link-" + sessionId + "-" + attempt + "-r" + providerCalls;
		}
		this.nextAttemptAt = next;
		this.failureReason = truncate("Retrying: " + reason);
		this.updatedAt = now;
	}

	void fail(String reason, Instant now) {
		end(PaymentLinkStatus.FAILED, reason, now);
	}

	void expire(@Nullable String reason, Instant now) {
		end(PaymentLinkStatus.EXPIRED, reason, now);
	}

	void paid(Instant now) {
		end(PaymentLinkStatus.PAID, null, now);
	}

	/** Whether a recreation other than {@code claim} is replacing this link and claimed it after {@code staleBefore}. */
	boolean claimedByAnother(String claim, Instant staleBefore) {
		return !claimedBy(claim) && claimedSince(staleBefore);
	}

	/** Whether a recreation is replacing this link and claimed it after {@code staleBefore}. */
	boolean claimedSince(Instant staleBefore) {
		return replacementClaim != null && replacementClaimedAt != null && replacementClaimedAt.isAfter(staleBefore);
	}

	boolean claimedBy(String claim) {
		return claim.equals(replacementClaim);
	}

	void claimReplacement(String claim, Instant now) {
		this.replacementClaim = claim;
		this.replacementClaimedAt = now;
		this.updatedAt = now;
	}

	void releaseReplacement() {
		this.replacementClaim = null;
		this.replacementClaimedAt = null;
	}

	private void end(PaymentLinkStatus status, @Nullable String reason, Instant now) {
		releaseReplacement();
		this.status = status;
		this.liveSessionId = null;
		this.nextAttemptAt = null;
		this.failureReason = reason == null ? null : truncate(reason);
		this.updatedAt = now;
	}

	private static String truncate(String text) {
		return text.length() <= 1000 ? text : text.substring(0, 1000);
	}

	public PaymentLinkView view() {
		Money amount = new Money(amountMinor, currency);
		return new PaymentLinkView(id, sessionId, provider, externalId, url, amount.amount(), currency, status,
				createdAt, expiresAt, failureReason, metadata, Actor.of(createdByKind, createdById));
	}

	public String id() { return id; }
	public String sessionId() { return sessionId; }
	public String provider() { return provider; }
	public @Nullable String externalId() { return externalId; }
	public PaymentLinkStatus status() { return status; }
	public int attempt() { return attempt; }
	public int providerCalls() { return providerCalls; }
	public Money amount() { return new Money(amountMinor, currency); }
	public String idempotencyKey() { return idempotencyKey; }
	public Instant expiresAt() { return expiresAt; }
	public @Nullable String metadata() { return metadata; }
	public boolean isLive() { return status.isLive(); }
}
