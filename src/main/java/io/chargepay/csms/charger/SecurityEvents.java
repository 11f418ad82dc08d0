package io.chargepay.csms.charger;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import io.chargepay.csms.charger.internal.ChargerSecurityEvent;
import io.chargepay.csms.charger.internal.ChargerSecurityEventRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security events chargers report (SecurityEventNotification, OCPP 1.6 security whitepaper): every one stored as
 * it came, for operators to page through, and counted by type in {@code csms_charger_security_events_total}.
 */
@Service
public class SecurityEvents {

	/**
	 * The whitepaper's security event types (its appendix 1). A charger may send any string of up to 50 characters;
	 * anything else is counted as "other", so no charger can grow the metric's series without bound. All are stored.
	 */
	static final Set<String> KNOWN_TYPES = Set.of("FirmwareUpdated", "FailedToAuthenticateAtCentralSystem",
			"CentralSystemFailedToAuthenticate", "SettingSystemTime", "StartupOfTheDevice", "ResetOrReboot",
			"SecurityLogWasCleared", "ReconfigurationOfSecurityParameters", "MemoryExhaustion", "InvalidMessages",
			"AttemptedReplayAttacks", "TamperDetectionActivated", "InvalidFirmwareSignature",
			"InvalidFirmwareSigningCertificate", "InvalidCentralSystemCertificate", "InvalidChargePointCertificate",
			"InvalidTLSVersion", "InvalidTLSCipherSuite");
	private static final String OTHER = "other";

	private final ChargerSecurityEventRepository events;
	private final MeterRegistry meters;
	private final Clock clock;

	SecurityEvents(ChargerSecurityEventRepository events, MeterRegistry meters, Clock clock) {
		this.events = events;
		this.meters = meters;
		this.clock = clock;
		// From start-up, so a fresh system's panel reads 0 rather than "No data".
		KNOWN_TYPES.forEach(this::counter);
		counter(OTHER);
	}

	@Transactional
	public void record(String chargerId, String type, Instant occurredAt, @Nullable String techInfo) {
		events.save(new ChargerSecurityEvent(chargerId, type, occurredAt, techInfo, clock.instant()));
		counter(KNOWN_TYPES.contains(type) ? type : OTHER).increment();
	}

	/** Newest first. */
	@Transactional(readOnly = true)
	public Page<SecurityEventView> of(String chargerId, int page, int size) {
		return events.findByChargerIdOrderByIdDesc(chargerId, PageRequest.of(page, size)).map(
				event -> new SecurityEventView(event.type(), event.occurredAt(), event.techInfo(), event.receivedAt()));
	}

	private Counter counter(String type) {
		return Counter.builder("csms.charger.security.events").tag("type", type)
				.description("Security events reported by chargers, by type").register(meters);
	}
}
