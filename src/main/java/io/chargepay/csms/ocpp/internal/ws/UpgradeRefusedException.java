package io.chargepay.csms.ocpp.internal.ws;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

final class UpgradeRefusedException extends Exception {

	private final UpgradeRefusal refusal;
	private final @Nullable Duration retryAfter;

	UpgradeRefusedException(UpgradeRefusal refusal) {
		this(refusal, null);
	}

	/** A refusal the client may retry after {@code retryAfter} (the Retry-After header). */
	UpgradeRefusedException(UpgradeRefusal refusal, @Nullable Duration retryAfter) {
		super(refusal.name(), null, false, false);
		this.refusal = refusal;
		this.retryAfter = retryAfter;
	}

	UpgradeRefusal refusal() {
		return refusal;
	}

	@Nullable Duration retryAfter() {
		return retryAfter;
	}
}
