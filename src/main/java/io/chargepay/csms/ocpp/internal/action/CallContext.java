package io.chargepay.csms.ocpp.internal.action;

/** Who sent a CALL, and its payload as received (kept verbatim where a message is quarantined). */
public record CallContext(String chargerId, String rawPayload) {
}
