package io.chargepay.csms.ocpp.internal.action;

import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.ocpp.internal.rpc.ErrorCode;
import io.chargepay.csms.ocpp.internal.rpc.OcppError;
import io.chargepay.csms.ocpp.internal.rpc.OcppTime;
import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.session.TransactionStartRequest;
import io.chargepay.csms.session.TransactionStarted;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

@Component
class StartTransactionHandler implements ActionHandler<StartTransactionHandler.Request> {

	record Request(int connectorId, String idTag, long meterStart, @Nullable Integer reservationId, String timestamp) {
	}

	record Confirmation(IdTagInfo idTagInfo, int transactionId) {
	}

	private final SessionService sessions;
	private final BalanceGate gate;

	StartTransactionHandler(SessionService sessions, BalanceGate gate) {
		this.sessions = sessions;
		this.gate = gate;
	}

	public String action() { return "StartTransaction"; }

	public Class<Request> requestType() { return Request.class; }

	/** An RFID start's balance check may read the chain: off the OCPP workers (BalanceGate). */
	public CompletableFuture<Confirmation> handle(CallContext context, Request request) {
		if (request.connectorId() <= 0) {
			throw new OcppError(ErrorCode.PropertyConstraintViolation, "connectorId must be greater than 0");
		}
		return gate.handle(context.chargerId(), () -> start(context, request));
	}

	private Confirmation start(CallContext context, Request request) {
		TransactionStarted started = sessions.startTransaction(new TransactionStartRequest(context.chargerId(),
				request.connectorId(), request.idTag(), request.meterStart(), OcppTime.parse(request.timestamp()),
				request.reservationId()));
		return new Confirmation(IdTagInfo.of(started.authorization()), started.transactionId());
	}
}
