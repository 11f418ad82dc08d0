package io.chargepay.csms.charger;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What the central system knows about a charger (its live connection state comes from {@link ChargerCommands}). */
public record ChargerView(
		String chargerId,
		boolean enabled,
		@Nullable String vendor,
		@Nullable String model,
		@Nullable String firmwareVersion,
		Instant registeredAt,
		@Nullable Instant lastBootAt,
		@Nullable Instant lastSeenAt,
		List<ConnectorView> connectors,
		@Nullable StatusReport firmware,
		@Nullable StatusReport diagnostics,
		@Nullable StatusReport log) {

	/**
	 * The latest (Signed)FirmwareStatusNotification, DiagnosticsStatusNotification or LogStatusNotification, and when
	 * it came.
	 */
	public record StatusReport(String status, Instant at) {

		static @Nullable StatusReport of(@Nullable String status, @Nullable Instant at) {
			return status == null || at == null ? null : new StatusReport(status, at);
		}
	}

	public record ConnectorView(int connectorId, String status, String errorCode, Instant statusAt) {
	}
}
