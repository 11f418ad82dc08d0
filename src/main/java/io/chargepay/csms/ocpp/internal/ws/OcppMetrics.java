package io.chargepay.csms.ocpp.internal.ws;

import java.time.Duration;
import java.util.function.Supplier;

import io.chargepay.csms.charger.ChargerCommand;
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

	/** The CALLs OCPP 1.6 lets a charger send. */
	private static final java.util.List<String> CHARGER_ACTIONS = java.util.List.of("Authorize", "BootNotification",
			"DataTransfer", "DiagnosticsStatusNotification", "FirmwareStatusNotification", "Heartbeat", "MeterValues",
			"StartTransaction", "StatusNotification", "StopTransaction");

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
		registerKnownLabels();
	}

	/**
	 * The messages chargers send, the commands we send and every refusal exist from start-up (answered "result",
	 * "accepted"), so a fresh system's dashboard panels read 0 rather than "No data".
	 */
	private void registerKnownLabels() {
		CHARGER_ACTIONS.forEach(action -> {
			messagesIn(action, "result");
			handlingTime(action);
		});
		for (Class<?> command : ChargerCommand.class.getPermittedSubclasses()) {
			commandTimer(command.getSimpleName(), "accepted");
		}
		for (UpgradeRefusal refusal : UpgradeRefusal.values()) {
			refusedCounter(refusal);
		}
		unmatchedCounter();
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
		refusedCounter(refusal).increment();
	}

	/** A CALL from a charger, answered with {@code outcome} after {@code handling}. */
	void handled(String action, String outcome, Duration handling) {
		messagesIn(action, outcome).increment();
		handlingTime(action).record(handling);
	}

	/** A CALL we sent a charger, and how it ended. */
	void commandEnded(String action, String outcome, Duration latency) {
		commandTimer(action, outcome).record(latency);
	}

	void unansweredAnswerDropped() {
		unmatchedCounter().increment();
	}

	// Per message: the meters are looked up once per label set, not rebuilt for every frame.
	private Counter messagesIn(String action, String outcome) {
		return messagesIn.computeIfAbsent(action + '|' + outcome, key -> Counter.builder("csms.ocpp.messages.in")
				.tag("action", action).tag("outcome", outcome)
				.description("CALLs received from chargers, by action and outcome").register(meters));
	}

	private Timer handlingTime(String action) {
		return handlingTimes.computeIfAbsent(action, key -> Timer.builder("csms.ocpp.message.handling")
				.tag("action", action).publishPercentileHistogram()
				.description("Time from a CALL's arrival to its answer being sent").register(meters));
	}

	private Timer commandTimer(String action, String outcome) {
		return Timer.builder("csms.ocpp.commands").tag("command", action).tag("outcome", outcome)
				.publishPercentileHistogram().description("CSMS-to-charger calls by command and outcome")
				.register(meters);
	}

	private Counter refusedCounter(UpgradeRefusal refusal) {
		return Counter.builder("csms.ocpp.upgrades.refused").tag("reason", refusal.name().toLowerCase())
				.description("WebSocket upgrades refused").register(meters);
	}

	private Counter unmatchedCounter() {
		return Counter.builder("csms.ocpp.answers.unmatched")
				.description("CALLRESULT/CALLERROR frames nobody waited for").register(meters);
	}
}
