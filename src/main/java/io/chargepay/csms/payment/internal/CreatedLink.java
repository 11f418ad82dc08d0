package io.chargepay.csms.payment.internal;

import java.time.Instant;

/** A link the provider created: its id there, where the driver pays, and when it expires. */
public record CreatedLink(String externalId, String url, Instant expiresAt) {
}
