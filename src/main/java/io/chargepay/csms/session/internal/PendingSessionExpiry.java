package io.chargepay.csms.session.internal;

import io.chargepay.csms.balance.BalanceService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Fails app-started sessions whose charger never sent StartTransaction, and frees the funds they held. */
@Component
class PendingSessionExpiry {

	private final PendingSessions pending;
	private final BalanceService balance;
	private final SessionMetrics metrics;

	PendingSessionExpiry(PendingSessions pending, BalanceService balance, SessionMetrics metrics) {
		this.pending = pending;
		this.balance = balance;
		this.metrics = metrics;
	}

	@Scheduled(fixedDelayString = "${csms.session.expiry-check-interval:15s}")
	void expire() {
		for (String sessionId : pending.overdue()) {
			pending.expireIfPending(sessionId).ifPresent(expired -> {
				if (expired.balanceCheckId() != null) {
					balance.release(expired.balanceCheckId());
				}
				metrics.failed("expired");
			});
		}
	}
}
