package io.chargepay.csms.session.internal;

import io.chargepay.csms.balance.BalanceService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Fails app-started sessions whose charger never sent StartTransaction, and frees the funds they held. */
@Component
class PendingSessionExpiry {

	private final PendingSessions pending;
	private final BalanceService balance;

	PendingSessionExpiry(PendingSessions pending, BalanceService balance) {
		this.pending = pending;
		this.balance = balance;
	}

	@Scheduled(fixedDelayString = "${csms.session.expiry-check-interval:15s}")
	void expire() {
		pending.expire().forEach(balance::release);
	}
}
