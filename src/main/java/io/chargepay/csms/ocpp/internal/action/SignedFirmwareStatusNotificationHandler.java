package io.chargepay.csms.ocpp.internal.action;

import io.chargepay.csms.charger.ChargerService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * SignedFirmwareStatusNotification (OCPP 1.6 security whitepaper): the firmware status of a signed update, stored
 * as the charger's latest firmware status and in its history with the request it answers.
 */
@Component
class SignedFirmwareStatusNotificationHandler implements ActionHandler<SignedFirmwareStatusNotificationHandler.Request> {

	/** {@code status} is one of the schema's values: the dispatcher validated it. */
	record Request(String status, @Nullable Integer requestId) {
	}

	record Confirmation() {
	}

	private final ChargerService chargers;

	SignedFirmwareStatusNotificationHandler(ChargerService chargers) {
		this.chargers = chargers;
	}

	public String action() { return "SignedFirmwareStatusNotification"; }

	public Class<Request> requestType() { return Request.class; }

	public Confirmation handle(CallContext context, Request request) {
		chargers.recordFirmwareStatus(context.chargerId(), request.status(), request.requestId());
		return new Confirmation();
	}
}
