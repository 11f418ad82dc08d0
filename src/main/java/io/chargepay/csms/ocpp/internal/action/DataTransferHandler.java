package io.chargepay.csms.ocpp.internal.action;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.charger.DataTransferReceived;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Keeps every DataTransfer; no vendor extension is handled yet, so each is answered UnknownVendorId. */
@Component
class DataTransferHandler implements ActionHandler<DataTransferHandler.Request> {

	record Request(String vendorId, @Nullable String messageId, @Nullable String data) {
	}

	record Confirmation(String status) {
	}

	private final ChargerService chargers;

	DataTransferHandler(ChargerService chargers) {
		this.chargers = chargers;
	}

	public String action() { return "DataTransfer"; }

	public Class<Request> requestType() { return Request.class; }

	public Confirmation handle(CallContext context, Request request) {
		chargers.recordDataTransfer(context.chargerId(),
				new DataTransferReceived(request.vendorId(), request.messageId(), request.data()));
		return new Confirmation("UnknownVendorId");
	}
}
