package io.chargepay.csms.ocpp.internal.action;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.charger.ConnectorStatusReport;
import io.chargepay.csms.ocpp.internal.rpc.ErrorCode;
import io.chargepay.csms.ocpp.internal.rpc.OcppError;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

@Component
class StatusNotificationHandler implements ActionHandler<StatusNotificationHandler.Request> {

	record Request(int connectorId, String errorCode, @Nullable String info, String status, @Nullable String timestamp,
			@Nullable String vendorId, @Nullable String vendorErrorCode) {
	}

	private final ChargerService chargers;
	private final ChargerClock clock;

	StatusNotificationHandler(ChargerService chargers, ChargerClock clock) {
		this.chargers = chargers;
		this.clock = clock;
	}

	public String action() { return "StatusNotification"; }

	public Class<Request> requestType() { return Request.class; }

	/** Answered once the report is committed: a worker does not wait for that meanwhile. */
	public CompletableFuture<Map<String, Object>> handle(CallContext context, Request request) {
		if (request.connectorId() < 0) {
			throw new OcppError(ErrorCode.PropertyConstraintViolation, "connectorId must be 0 or greater");
		}
		// The timestamp is optional (OCPP 1.6 §6.48); without one, or one far ahead of ours, the report is as of its
		// arrival, since the newest report wins.
		return chargers.recordStatus(context.chargerId(), new ConnectorStatusReport(request.connectorId(), request.status(),
				request.errorCode(), request.info(), request.vendorId(), request.vendorErrorCode(),
				request.timestamp() == null ? clock.now() : clock.trusted(request.timestamp())))
				.thenApply(committed -> Map.of());
	}
}
