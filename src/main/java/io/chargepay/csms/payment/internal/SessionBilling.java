package io.chargepay.csms.payment.internal;

import io.chargepay.csms.payment.PaymentProperties;
import io.chargepay.csms.session.SessionEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Bills every finished session that may be billed automatically. Runs right after the stop commits; the event
 * publication registry keeps the event until this returns, so a crash before the link is recorded only delays it.
 * Once the pending link is recorded, provider trouble is the retrier's business and the event is done.
 */
@Component
class SessionBilling {

	/** Names this listener's publications in the registry; keep it stable across releases. */
	static final String LISTENER_ID = "payment.session-billing";

	private static final Logger log = LoggerFactory.getLogger(SessionBilling.class);

	private final LinkLedger ledger;
	private final LinkCreation creation;
	private final FailedEventPublications failedDeliveries;
	private final PaymentProperties properties;

	SessionBilling(LinkLedger ledger, LinkCreation creation, FailedEventPublications failedDeliveries,
			PaymentProperties properties) {
		this.ledger = ledger;
		this.creation = creation;
		this.failedDeliveries = failedDeliveries;
		this.properties = properties;
	}

	// No surrounding transaction: each step commits on its own, and none is open while the provider is called.
	@ApplicationModuleListener(id = LISTENER_ID, propagation = Propagation.NOT_SUPPORTED)
	void on(SessionEnded event) {
		if (event.billingHold() || event.amount() == null) {
			log.warn("Session {} on {} is held for an operator: no payment link", event.sessionId(), event.chargerId());
			return;
		}
		ledger.openFirst(BillableSession.of(event, event.amount())).ifPresent(creation::attempt);
	}

	/**
	 * Delivers failed SessionEnded deliveries again (a database outage while this listener ran) once they are a
	 * little old, rather than only at the next restart. The registry's API cannot tell listeners apart, so other
	 * modules' failed SessionEnded listeners are delivered again too, as a restart would.
	 */
	void redeliverFailed() {
		failedDeliveries.resubmit(ResubmissionOptions.defaults()
				.withMinAge(properties.expiryCheckInterval())
				.withFilter(publication -> publication.getEvent() instanceof SessionEnded));
	}
}
