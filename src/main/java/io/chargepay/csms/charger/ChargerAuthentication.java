package io.chargepay.csms.charger;

/** Outcome of checking a charger's identity and AuthorizationKey at the WebSocket upgrade. */
public enum ChargerAuthentication {
	ACCEPTED, UNKNOWN_CHARGER, BAD_CREDENTIALS
}
