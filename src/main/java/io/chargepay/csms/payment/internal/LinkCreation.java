package io.chargepay.csms.payment.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One provider call for a pending link the caller holds, and its outcome recorded: ACTIVE, retried later with
 * backoff (5xx, timeouts, connection failures) or FAILED with the provider's message (4xx). The call runs outside
 * any transaction.
 */
@Component
class LinkCreation {

	private static final Logger log = LoggerFactory.getLogger(LinkCreation.class);

	private final LinkLedger ledger;
	private final PaymentLinkProvider provider;
	private final LinkSignals signals;
	private final PaymentMetrics metrics;

	LinkCreation(LinkLedger ledger, PaymentLinkProvider provider, LinkSignals signals, PaymentMetrics metrics) {
		this.ledger = ledger;
		this.provider = provider;
		this.signals = signals;
		this.metrics = metrics;
	}

	void attempt(String linkId) {
		Optional<LinkRequest> request = ledger.requestFor(linkId);
		if (request.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		String outcome = "created";
		try {
			CreatedLink created = provider.create(request.get());
			if (!ledger.activate(linkId, created)) {
				log.info("Payment link {} was replaced while {} created it; expiring {} there", linkId,
						provider.name(), created.externalId());
				expireQuietly(created.externalId());
			}
		}
		catch (ProviderRejectedException e) {
			log.warn("{} refused payment link {} of session {}: {}", provider.name(), linkId,
					request.get().sessionId(), e.getMessage());
			ledger.fail(linkId, e.getMessage());
			outcome = "rejected";
		}
		catch (ProviderUnavailableException e) {
			log.warn("{} could not create payment link {} of session {} now, will retry: {}", provider.name(), linkId,
					request.get().sessionId(), e.getMessage());
			ledger.retryLater(linkId, e.keySpent(), e.getMessage());
			outcome = "unavailable";
		}
		finally {
			metrics.providerCall(provider.name(), outcome, System.nanoTime() - started);
			signals.changed(request.get().sessionId());
		}
	}

	/** Expires a link at the provider; throws {@link ProviderUnavailableException} when that cannot be done now. */
	PaymentLinkProvider.ExpiryOutcome expire(String externalId) {
		return provider.expire(externalId);
	}

	/** Best effort: a link left open here expires at the provider on its own at its expiry. */
	void expireQuietly(String externalId) {
		try {
			provider.expire(externalId);
		}
		catch (RuntimeException e) {
			log.warn("Could not expire {} at {}; it expires on its own: {}", externalId, provider.name(),
					e.getMessage());
		}
	}
}
