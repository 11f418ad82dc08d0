package io.chargepay.csms.charger;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A security event a charger reported: its type and time as the charger gave them, and when it arrived. */
public record SecurityEventView(String type, Instant occurredAt, @Nullable String techInfo, Instant receivedAt) {
}
