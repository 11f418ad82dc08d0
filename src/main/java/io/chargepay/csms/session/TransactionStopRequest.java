package io.chargepay.csms.session;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A charger's StopTransaction; {@code rawPayload} is kept if the stop cannot be applied. */
public record TransactionStopRequest(
		String chargerId,
		int transactionId,
		@Nullable String idTag,
		long meterStopWh,
		Instant timestamp,
		@Nullable String reason,
		List<MeterSample> transactionData,
		String rawPayload) {
}
