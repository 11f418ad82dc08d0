package io.chargepay.csms.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A charger's StartTransaction. */
public record TransactionStartRequest(
		String chargerId,
		int connectorId,
		String idTag,
		long meterStartWh,
		Instant timestamp,
		@Nullable Integer reservationId) {
}
