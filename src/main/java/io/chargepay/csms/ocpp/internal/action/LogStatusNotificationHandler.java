package io.chargepay.csms.ocpp.internal.action;

import io.chargepay.csms.charger.ChargerService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * LogStatusNotification (OCPP 1.6 security whitepaper): the progress of a GetLog upload, stored as the
 * charger's latest log status and in its history with the request it answers.
 */
@Component
class LogStatusNotificationHandler implements ActionHandler<LogStatusNotificationHandler.Request> {

	/** {@code status} is one of the schema's values: the dispatcher validated it. */
	record Request(String status, @Nullable Integer requestId) {
	}

	record Confirmation() {
	}

	private final ChargerService chargers;

	LogStatusNotificationHandler(ChargerService chargers) {
		this.chargers = chargers;
	}

	public String action() { return "LogStatusNotification"; }

	public Class<Request> requestType() { return Request.class; }

	public Confirmation handle(CallContext context, Request request) {
		chargers.recordLogStatus(context.chargerId(), request.status(), request.requestId());
		return new Confirmation();
	}
}
