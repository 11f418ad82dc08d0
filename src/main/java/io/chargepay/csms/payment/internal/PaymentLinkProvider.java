package io.chargepay.csms.payment.internal;

/**
 * Where payment links are created and expired: Stripe Checkout or the sandbox. Implementations throw
 * {@link ProviderUnavailableException} when a call may succeed later and {@link ProviderRejectedException} when the
 * provider refused the request itself.
 */
public interface PaymentLinkProvider {

	/** The provider's name as stored with each link: stripe or sandbox. */
	String name();

	/** Creates the link; the same idempotency key always yields the same link at the provider. */
	CreatedLink create(LinkRequest request);

	/** Expires the link at the provider; a link that already expired is fine, one that was paid says so. */
	ExpiryOutcome expire(String externalId);

	enum ExpiryOutcome {
		/** Expired now or before: it can no longer be paid. */
		EXPIRED,
		/** It was paid: the session must not get another link. */
		PAID,
		/** A payment is being processed (an asynchronous payment method): wait for its webhook. */
		PAYMENT_PENDING
	}
}
