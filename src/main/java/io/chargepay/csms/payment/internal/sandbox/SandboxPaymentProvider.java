package io.chargepay.csms.payment.internal.sandbox;

import java.util.function.Supplier;

import io.chargepay.csms.payment.internal.CreatedLink;
import io.chargepay.csms.payment.internal.LinkRequest;
import io.chargepay.csms.payment.internal.PaymentLinkProvider;

/**
 * Payment links served by this application at {@code /pay/{paymentLinkId}}: nothing is charged. The link's state in
 * the database is the provider's state, so creating and expiring need no call anywhere; paying is a button on the
 * page. Same lifecycle as Stripe's otherwise: expiry, recreation, paid.
 */
public class SandboxPaymentProvider implements PaymentLinkProvider {

	private final Supplier<String> baseUrl;

	/** {@code baseUrl} is asked per link: the port is only known once the web server listens. */
	public SandboxPaymentProvider(Supplier<String> baseUrl) {
		this.baseUrl = baseUrl;
	}

	@Override
	public String name() {
		return "sandbox";
	}

	@Override
	public CreatedLink create(LinkRequest request) {
		return new CreatedLink("sandbox_" + request.paymentLinkId(),
				baseUrl.get().replaceAll("/+$", "") + "/pay/" + request.paymentLinkId(), request.expiresAt());
	}

	@Override
	public ExpiryOutcome expire(String externalId) {
		return ExpiryOutcome.EXPIRED;
	}
}
