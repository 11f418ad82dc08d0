package io.chargepay.csms.session;

/**
 * PENDING: started from the app, waiting for the charger's StartTransaction. ACTIVE: charging. STOPPING: a remote
 * stop was sent, the charger's StopTransaction has not come yet. COMPLETED: stopped and billed (or held for an
 * operator). PAID: its payment link was paid. FAILED: never started (refused, timed out, charger offline, expired).
 */
public enum SessionStatus {
	PENDING, ACTIVE, STOPPING, COMPLETED, PAID, FAILED;

	/** Open sessions hold funds of their wallet and block a second start on their connector. */
	public boolean isOpen() {
		return this == PENDING || this == ACTIVE || this == STOPPING;
	}
}
