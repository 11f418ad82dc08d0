package io.chargepay.csms.ocpp.internal.action;

import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.session.SessionService;
import org.springframework.stereotype.Component;

@Component
class AuthorizeHandler implements ActionHandler<AuthorizeHandler.Request> {

	record Request(String idTag) {
	}

	record Confirmation(IdTagInfo idTagInfo) {
	}

	private final SessionService sessions;
	private final BalanceGate gate;

	AuthorizeHandler(SessionService sessions, BalanceGate gate) {
		this.sessions = sessions;
		this.gate = gate;
	}

	public String action() { return "Authorize"; }

	public Class<Request> requestType() { return Request.class; }

	/** The idTag's balance check may read the chain: off the OCPP workers (BalanceGate). */
	public CompletableFuture<Confirmation> handle(CallContext context, Request request) {
		return gate.handle(context.chargerId(),
				() -> new Confirmation(IdTagInfo.of(sessions.authorize(request.idTag()))));
	}
}
