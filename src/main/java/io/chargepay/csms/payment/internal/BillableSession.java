package io.chargepay.csms.payment.internal;

import io.chargepay.csms.session.Money;
import io.chargepay.csms.session.SessionEnded;
import io.chargepay.csms.session.SessionView;
import org.jspecify.annotations.Nullable;

/** What a payment link says about the session it bills, whether it comes from the event or a later look-up. */
record BillableSession(String sessionId, @Nullable String userId, String chargerId, @Nullable Integer transactionId,
		@Nullable String balanceCheckId, @Nullable Long energyWh, Money amount) {

	static BillableSession of(SessionEnded event, Money amount) {
		return new BillableSession(event.sessionId(), event.userId(), event.chargerId(), event.transactionId(),
				event.balanceCheckId(), event.energyWh(), amount);
	}

	static BillableSession of(SessionView session, Money amount) {
		return new BillableSession(session.sessionId(), session.userId(), session.chargerId(),
				session.transactionId(), session.balanceCheckId(), session.energyWh(), amount);
	}
}
