package io.chargepay.csms.session.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.chargepay.csms.session.SessionEnded;
import io.chargepay.csms.session.SessionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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

	SessionMetrics(MeterRegistry meters, ChargingSessionRepository sessions) {
		this.meters = meters;
		this.sessions = sessions;
		for (SessionStatus status : List.of(SessionStatus.PENDING, SessionStatus.ACTIVE, SessionStatus.STOPPING)) {
			AtomicLong count = new AtomicLong();
			open.put(status, count);
			Gauge.builder("csms.sessions.open", count, AtomicLong::get).tag("status", status.name().toLowerCase())
					.description("Open charging sessions by status").register(meters);
		}
	}

	/** {@code origin}: app (remote start) or charger (RFID and other local starts). */
	public void started(String origin) {
		Counter.builder("csms.sessions.started").tag("origin", origin).description("Charging sessions started")
				.register(meters).increment();
	}

	public void failed(String reason) {
		Counter.builder("csms.sessions.failed").tag("reason", reason).description("Sessions that never started")
				.register(meters).increment();
	}

	/** Called once the session's end is committed (see ChargerTransactions). */
	void ended(SessionEnded ended) {
		Counter.builder("csms.sessions.ended").tag("billing", ended.billingHold() ? "held" : "billed")
				.description("Charging sessions finished").register(meters).increment();
		if (ended.energyWh() != null) {
			Counter.builder("csms.energy.delivered").baseUnit("wh").description("Energy delivered in finished sessions")
					.register(meters).increment(ended.energyWh());
		}
		if (ended.amount() != null) {
			Counter.builder("csms.billed.amount").tag("currency", ended.amount().currency())
					.description("Amount billed for finished sessions, in major units").register(meters)
					.increment(ended.amount().amount().doubleValue());
		}
	}

	@Scheduled(fixedDelayString = "${csms.metrics.session-count-interval:10s}")
	void countOpenSessions() {
		open.forEach((status, count) -> count.set(sessions.countByStatus(status)));
	}

}
