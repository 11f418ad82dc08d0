package io.chargepay.csms.ocpp.internal.ws;

final class UpgradeRefusedException extends Exception {

	private final UpgradeRefusal refusal;

	UpgradeRefusedException(UpgradeRefusal refusal) {
		super(refusal.name(), null, false, false);
		this.refusal = refusal;
	}

	UpgradeRefusal refusal() {
		return refusal;
	}
}
