package io.chargepay.csms.ocpp.internal.action;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.ocpp.internal.rpc.ErrorCode;
import io.chargepay.csms.ocpp.internal.rpc.OcppError;
import io.chargepay.csms.session.MeterSample;
import io.chargepay.csms.session.SessionService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

@Component
class MeterValuesHandler implements ActionHandler<MeterValuesHandler.Request> {

	record Request(int connectorId, @Nullable Integer transactionId, List<MeterValue> meterValue) {
	}

	record MeterValue(String timestamp, List<SampledValue> sampledValue) {
	}

	record SampledValue(String value, @Nullable String context, @Nullable String format, @Nullable String measurand,
			@Nullable String phase, @Nullable String location, @Nullable String unit) {
	}

	private final SessionService sessions;
	private final ChargerClock clock;

	MeterValuesHandler(SessionService sessions, ChargerClock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	public String action() { return "MeterValues"; }

	public Class<Request> requestType() { return Request.class; }

	/** Answered once the values are committed: a worker does not wait for that meanwhile. */
	public CompletableFuture<Map<String, Object>> handle(CallContext context, Request request) {
		if (request.connectorId() < 0) {
			throw new OcppError(ErrorCode.PropertyConstraintViolation, "connectorId must be 0 or greater");
		}
		return sessions.recordMeterValues(context.chargerId(), request.connectorId(), request.transactionId(),
				samples(request.meterValue(), clock)).thenApply(committed -> Map.of());
	}

	static List<MeterSample> samples(List<MeterValue> meterValues, ChargerClock clock) {
		return meterValues.stream()
				.flatMap(meterValue -> {
					Instant timestamp = clock.trusted(meterValue.timestamp());
					return meterValue.sampledValue().stream().map(sampled -> new MeterSample(timestamp, sampled.value(),
							sampled.context(), sampled.format(), sampled.measurand(), sampled.phase(),
							sampled.location(), sampled.unit()));
				})
				.toList();
	}
}
