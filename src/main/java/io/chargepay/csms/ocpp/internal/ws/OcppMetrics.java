package io.chargepay.csms.ocpp.internal.ws;

import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * What operators see of the OCPP listener (names prefixed csms_ in Prometheus). Labels are bounded: actions are OCPP
 * 1.6's or "unknown", outcomes are "result" or a CALLERROR code; no per-charger labels.
 */
@Component
class OcppMetrics {

	private final MeterRegistry meters;
	private final Counter connects;
	private final Counter disconnects;
	private final java.util.Map<String, Counter> messagesIn = new java.util.concurrent.ConcurrentHashMap<>();
	private final java.util.Map<String, Timer> handlingTimes = new java.util.concurrent.ConcurrentHashMap<>();

	OcppMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.connects = Counter.builder("csms.ocpp.connects").description("Charger connections opened").register(meters);
		this.disconnects = Counter.builder("csms.ocpp.disconnects").description("Charger connections closed")
				.register(meters);
	}

	void watchConnections(Supplier<Number> connected) {
		Gauge.builder("csms.ocpp.connected", connected).description("Chargers connected now").register(meters);
	}

	void connected() {
		connects.increment();
	}

	void disconnected() {
		disconnects.increment();
	}

	void upgradeRefused(UpgradeRefusal refusal) {
		Counter.builder("csms.ocpp.upgrades.refused").tag("reason", refusal.name().toLowerCase())
				.description("WebSocket upgrades refused").register(meters).increment();
	}

	/** A CALL from a charger, answered with {@code outcome} after {@code handling}. */
	void handled(String action, String outcome, Duration handling) {
		// Per message: the meters are looked up once per label set, not rebuilt for every frame.
		messagesIn.computeIfAbsent(action + '|' + outcome, key -> Counter.builder("csms.ocpp.messages.in")
				.tag("action", action).tag("outcome", outcome)
				.description("CALLs received from chargers, by action and outcome").register(meters)).increment();
		handlingTimes.computeIfAbsent(action, key -> Timer.builder("csms.ocpp.message.handling").tag("action", action)
				.publishPercentileHistogram().description("Time from a CALL's arrival to its answer being sent")
				.register(meters)).record(handling);
	}

	/** A CALL we sent a charger, and how it ended. */
	void commandEnded(String action, String outcome, Duration latency) {
		Timer.builder("csms.ocpp.commands").tag("command", action).tag("outcome", outcome).publishPercentileHistogram()
				.description("CSMS-to-charger calls by command and outcome").register(meters).record(latency);
	}

	void unansweredAnswerDropped() {
		Counter.builder("csms.ocpp.answers.unmatched").description("CALLRESULT/CALLERROR frames nobody waited for")
				.register(meters).increment();
	}
}
