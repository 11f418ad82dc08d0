package io.chargepay.csms.ocpp.internal.action;

import io.chargepay.csms.identity.IdentityService;
import org.springframework.stereotype.Component;

@Component
class AuthorizeHandler implements ActionHandler<AuthorizeHandler.Request> {

	record Request(String idTag) {
	}

	record Confirmation(IdTagInfo idTagInfo) {
	}

	private final IdentityService identity;

	AuthorizeHandler(IdentityService identity) {
		this.identity = identity;
	}

	public String action() { return "Authorize"; }

	public Class<Request> requestType() { return Request.class; }

	public Confirmation handle(CallContext context, Request request) {
		return new Confirmation(IdTagInfo.of(identity.authorize(request.idTag())));
	}
}
