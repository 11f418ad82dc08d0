package io.chargepay.csms.session;

public enum SessionStatus {
	ACTIVE, COMPLETED
}
