package io.chargepay.csms.ocpp.internal.action;

import io.chargepay.csms.session.SessionService;
import org.springframework.stereotype.Component;

@Component
class AuthorizeHandler implements ActionHandler<AuthorizeHandler.Request> {

	record Request(String idTag) {
	}

	record Confirmation(IdTagInfo idTagInfo) {
	}

	private final SessionService sessions;

	AuthorizeHandler(SessionService sessions) {
		this.sessions = sessions;
	}

	public String action() { return "Authorize"; }

	public Class<Request> requestType() { return Request.class; }

	public Confirmation handle(CallContext context, Request request) {
		return new Confirmation(IdTagInfo.of(sessions.authorize(request.idTag())));
	}
}
