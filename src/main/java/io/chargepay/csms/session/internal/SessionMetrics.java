package io.chargepay.csms.session.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.chargepay.csms.session.ChargerRefusal;
import io.chargepay.csms.session.SessionEnded;
import io.chargepay.csms.session.SessionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sessions as operators count them: started by origin, failed by reason, ended; open sessions by status (read from
 * the database every few seconds, not per message); energy delivered and amount billed, once committed.
 */
@Component
public class SessionMetrics {

	private final MeterRegistry meters;
	private final ChargingSessionRepository sessions;
	private final java.util.Map<SessionStatus, AtomicLong> open = new java.util.EnumMap<>(SessionStatus.class);

	SessionMetrics(MeterRegistry meters, ChargingSessionRepository sessions,
			@Value("${csms.payments.currency:usd}") String currency) {
		this.meters = meters;
		this.sessions = sessions;
		registerKnownLabels(currency);
		for (SessionStatus status : List.of(SessionStatus.PENDING, SessionStatus.ACTIVE, SessionStatus.STOPPING)) {
			AtomicLong count = new AtomicLong();
			open.put(status, count);
			Gauge.builder("csms.sessions.open", count, AtomicLong::get).tag("status", status.name().toLowerCase())
					.description("Open charging sessions by status").register(meters);
		}
	}

	/** Every label value these counters take exists from start-up: a fresh system's panels read 0, not "No data". */
	private void registerKnownLabels(String currency) {
		List.of("app", "charger").forEach(origin -> startedCounter(origin));
		Stream.concat(Stream.of(ChargerRefusal.values()).map(reason -> reason.name().toLowerCase()),
				Stream.of("expired")).forEach(reason -> failedCounter(reason));
		List.of("held", "billed").forEach(billing -> endedCounter(billing));
		energyCounter();
		billedCounter(currency);
		cappedCounter();
	}

	/** A session billed at what its balance check covered, below the tariff's amount (Tariff). */
	void capped() {
		cappedCounter().increment();
	}

	private Counter cappedCounter() {
		return Counter.builder("csms.sessions.capped")
				.description("Sessions billed at the amount their balance check covered, below the tariff's").register(meters);
	}

	/** {@code origin}: app (remote start) or charger (RFID and other local starts). */
	public void started(String origin) {
		startedCounter(origin).increment();
	}

	public void failed(String reason) {
		failedCounter(reason).increment();
	}

	/** Called once the session's end is committed (see ChargerTransactions). */
	void ended(SessionEnded ended) {
		endedCounter(ended.billingHold() ? "held" : "billed").increment();
		if (ended.energyWh() != null) {
			energyCounter().increment(ended.energyWh());
		}
		if (ended.amount() != null) {
			billedCounter(ended.amount().currency()).increment(ended.amount().amount().doubleValue());
		}
	}

	private Counter startedCounter(String origin) {
		return Counter.builder("csms.sessions.started").tag("origin", origin).description("Charging sessions started")
				.register(meters);
	}

	private Counter failedCounter(String reason) {
		return Counter.builder("csms.sessions.failed").tag("reason", reason).description("Sessions that never started")
				.register(meters);
	}

	private Counter endedCounter(String billing) {
		return Counter.builder("csms.sessions.ended").tag("billing", billing).description("Charging sessions finished")
				.register(meters);
	}

	private Counter energyCounter() {
		return Counter.builder("csms.energy.delivered").baseUnit("wh")
				.description("Energy delivered in finished sessions").register(meters);
	}

	private Counter billedCounter(String currency) {
		return Counter.builder("csms.billed.amount").tag("currency", currency)
				.description("Amount billed for finished sessions, in major units").register(meters);
	}

	@Scheduled(fixedDelayString = "${csms.metrics.session-count-interval:10s}")
	void countOpenSessions() {
		open.forEach((status, count) -> count.set(sessions.countByStatus(status)));
	}

}
