package io.chargepay.csms.ocpp.internal.action;

import java.time.Clock;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.ocpp.internal.rpc.OcppTime;
import org.springframework.stereotype.Component;

@Component
class HeartbeatHandler implements ActionHandler<HeartbeatHandler.Request> {

	record Request() {
	}

	record Confirmation(String currentTime) {
	}

	private final ChargerService chargers;
	private final Clock clock;

	HeartbeatHandler(ChargerService chargers, Clock clock) {
		this.chargers = chargers;
		this.clock = clock;
	}

	public String action() { return "Heartbeat"; }

	public Class<Request> requestType() { return Request.class; }

	public Confirmation handle(CallContext context, Request request) {
		chargers.recordSeen(context.chargerId());
		return new Confirmation(OcppTime.format(clock.instant()));
	}
}
