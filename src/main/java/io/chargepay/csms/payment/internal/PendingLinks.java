package io.chargepay.csms.payment.internal;

import java.time.Clock;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/**
 * The retrier: pending links whose time has come (their backoff is in {@code nextAttemptAt}, and a crashed or stuck
 * caller's hold runs out the same way) are claimed one by one and get one more provider call.
 */
@Component
class PendingLinks {

	private static final int BATCH = 20;

	private final PaymentLinkRepository links;
	private final LinkLedger ledger;
	private final LinkCreation creation;
	private final PaymentLinkProvider provider;
	private final Clock clock;

	PendingLinks(PaymentLinkRepository links, LinkLedger ledger, LinkCreation creation, PaymentLinkProvider provider,
			Clock clock) {
		this.links = links;
		this.ledger = ledger;
		this.creation = creation;
		this.provider = provider;
		this.clock = clock;
	}

	/** Links are created by the provider they were recorded for, never by another one configured later. */
	void retryDue() {
		for (String linkId : links.findDuePending(provider.name(), clock.instant(), Limit.of(BATCH))) {
			if (ledger.claim(linkId)) {
				creation.attempt(ledger.replaceIfStale(linkId));
			}
		}
	}
}
