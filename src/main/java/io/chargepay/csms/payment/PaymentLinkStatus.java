package io.chargepay.csms.payment;

/**
 * PENDING: recorded, the provider has not created it yet (it is being created or retried). ACTIVE: payable at its url.
 * PAID: paid. EXPIRED: past its expiry, expired at the provider, or replaced by a recreated link. FAILED: the provider
 * refused it (see failureReason); a new one can be created.
 */
public enum PaymentLinkStatus {
	PENDING, ACTIVE, PAID, EXPIRED, FAILED;

	/** A live link is the session's link of record: at most one per session (a database constraint). */
	public boolean isLive() {
		return this == PENDING || this == ACTIVE;
	}
}
