package io.chargepay.csms.ocpp.internal.action;

import io.chargepay.csms.charger.SecurityEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** SecurityEventNotification (OCPP 1.6 security whitepaper): stored and counted, answered with an empty CALLRESULT. */
@Component
class SecurityEventNotificationHandler implements ActionHandler<SecurityEventNotificationHandler.Request> {

	/** Lengths as the schema bounds them (type 50, techInfo 255): the dispatcher validated the request. */
	record Request(String type, String timestamp, @Nullable String techInfo) {
	}

	record Confirmation() {
	}

	private final SecurityEvents events;
	private final ChargerClock clock;

	SecurityEventNotificationHandler(SecurityEvents events, ChargerClock clock) {
		this.events = events;
		this.clock = clock;
	}

	public String action() { return "SecurityEventNotification"; }

	public Class<Request> requestType() { return Request.class; }

	public Confirmation handle(CallContext context, Request request) {
		events.record(context.chargerId(), request.type(), clock.trusted(request.timestamp()), request.techInfo());
		return new Confirmation();
	}
}
