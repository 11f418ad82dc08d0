package io.chargepay.csms.identity;

/** OCPP 1.6 AuthorizationStatus, in our own words; the adapter maps it to the wire values. */
public enum AuthorizationStatus {
	ACCEPTED, BLOCKED, EXPIRED, INVALID, CONCURRENT_TX
}
