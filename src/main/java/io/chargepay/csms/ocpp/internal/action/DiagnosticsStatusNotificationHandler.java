package io.chargepay.csms.ocpp.internal.action;

import io.chargepay.csms.charger.ChargerService;
import org.springframework.stereotype.Component;

/** DiagnosticsStatusNotification (OCPP 1.6 Firmware Management): stored as the charger's latest, and in its history. */
@Component
class DiagnosticsStatusNotificationHandler implements ActionHandler<DiagnosticsStatusNotificationHandler.Request> {

	/** {@code status} is one of the schema's values: the dispatcher validated it. */
	record Request(String status) {
	}

	record Confirmation() {
	}

	private final ChargerService chargers;

	DiagnosticsStatusNotificationHandler(ChargerService chargers) {
		this.chargers = chargers;
	}

	public String action() { return "DiagnosticsStatusNotification"; }

	public Class<Request> requestType() { return Request.class; }

	public Confirmation handle(CallContext context, Request request) {
		chargers.recordDiagnosticsStatus(context.chargerId(), request.status());
		return new Confirmation();
	}
}
