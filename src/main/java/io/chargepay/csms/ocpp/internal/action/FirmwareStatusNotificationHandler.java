package io.chargepay.csms.ocpp.internal.action;

import io.chargepay.csms.charger.ChargerService;
import org.springframework.stereotype.Component;

/** FirmwareStatusNotification (OCPP 1.6 Firmware Management): stored as the charger's latest, and in its history. */
@Component
class FirmwareStatusNotificationHandler implements ActionHandler<FirmwareStatusNotificationHandler.Request> {

	/** {@code status} is one of the schema's values: the dispatcher validated it. */
	record Request(String status) {
	}

	record Confirmation() {
	}

	private final ChargerService chargers;

	FirmwareStatusNotificationHandler(ChargerService chargers) {
		this.chargers = chargers;
	}

	public String action() { return "FirmwareStatusNotification"; }

	public Class<Request> requestType() { return Request.class; }

	public Confirmation handle(CallContext context, Request request) {
		chargers.recordFirmwareStatus(context.chargerId(), request.status(), null);
		return new Confirmation();
	}
}
