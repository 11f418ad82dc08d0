package io.chargepay.csms.ocpp.internal.action;

import java.time.Clock;

import io.chargepay.csms.charger.ChargerBoot;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.ocpp.OcppProperties;
import io.chargepay.csms.ocpp.internal.rpc.OcppTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

@Component
class BootNotificationHandler implements ActionHandler<BootNotificationHandler.Request> {

	record Request(String chargePointVendor, String chargePointModel, @Nullable String chargePointSerialNumber,
			@Nullable String chargeBoxSerialNumber, @Nullable String firmwareVersion, @Nullable String iccid,
			@Nullable String imsi, @Nullable String meterType, @Nullable String meterSerialNumber) {
	}

	record Confirmation(String status, String currentTime, long interval) {
	}

	private final ChargerService chargers;
	private final OcppProperties properties;
	private final Clock clock;

	BootNotificationHandler(ChargerService chargers, OcppProperties properties, Clock clock) {
		this.chargers = chargers;
		this.properties = properties;
		this.clock = clock;
	}

	public String action() { return "BootNotification"; }

	public Class<Request> requestType() { return Request.class; }

	public Confirmation handle(CallContext context, Request request) {
		chargers.recordBoot(context.chargerId(), new ChargerBoot(request.chargePointVendor(), request.chargePointModel(),
				request.chargePointSerialNumber(), request.chargeBoxSerialNumber(), request.firmwareVersion(),
				request.iccid(), request.imsi(), request.meterType(), request.meterSerialNumber()));
		return new Confirmation("Accepted", OcppTime.format(clock.instant()),
				properties.heartbeatInterval().toSeconds());
	}
}
