package io.chargepay.csms.ocpp.internal.action;

import java.util.List;
import java.util.Objects;

import io.chargepay.csms.ocpp.internal.rpc.OcppTime;
import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.session.TransactionStopRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

@Component
class StopTransactionHandler implements ActionHandler<StopTransactionHandler.Request> {

	record Request(@Nullable String idTag, long meterStop, String timestamp, int transactionId, @Nullable String reason,
			@Nullable List<MeterValuesHandler.MeterValue> transactionData) {
	}

	/** idTagInfo is present exactly when the request carried an idTag (OCPP 1.6 §6.52). */
	record Confirmation(@Nullable IdTagInfo idTagInfo) {
	}

	private final SessionService sessions;
	private final ChargerClock clock;

	StopTransactionHandler(SessionService sessions, ChargerClock clock) {
		this.sessions = sessions;
		this.clock = clock;
	}

	public String action() { return "StopTransaction"; }

	public Class<Request> requestType() { return Request.class; }

	public Confirmation handle(CallContext context, Request request) {
		TransactionStopRequest stop = new TransactionStopRequest(context.chargerId(), request.transactionId(),
				request.idTag(), request.meterStop(), OcppTime.parse(request.timestamp()), request.reason(),
				MeterValuesHandler.samples(Objects.requireNonNullElse(request.transactionData(), List.of()), clock),
				context.rawPayload());
		return new Confirmation(sessions.stopTransaction(stop).map(IdTagInfo::of).orElse(null));
	}
}
