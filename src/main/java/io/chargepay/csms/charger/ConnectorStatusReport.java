package io.chargepay.csms.charger;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One StatusNotification: connector 0 stands for the whole charger. */
public record ConnectorStatusReport(
		int connectorId,
		String status,
		String errorCode,
		@Nullable String info,
		@Nullable String vendorId,
		@Nullable String vendorErrorCode,
		Instant timestamp) {
}
