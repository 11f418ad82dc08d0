package io.chargepay.csms.charger.internal;

import java.time.Duration;

import io.chargepay.csms.persistence.RowRetention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What chargers send that only grows: DataTransfer messages are kept for csms.retention.data-transfers (30 days),
 * firmware and diagnostics status reports for csms.retention.status-reports (90 days; each charger's latest stays on
 * its row), security events for csms.retention.security-events (365 days), then purged.
 */
@Component
class ChargerRetention {

	private final RowRetention retention;
	private final Duration dataTransfers;
	private final Duration statusReports;
	private final Duration securityEvents;

	ChargerRetention(RowRetention retention, @Value("${csms.retention.data-transfers:30d}") Duration dataTransfers,
			@Value("${csms.retention.status-reports:90d}") Duration statusReports,
			@Value("${csms.retention.security-events:365d}") Duration securityEvents) {
		this.retention = retention;
		this.dataTransfers = dataTransfers;
		this.statusReports = statusReports;
		this.securityEvents = securityEvents;
	}

	@Scheduled(fixedDelayString = "${csms.retention.interval:1h}", initialDelayString = "${csms.retention.interval:1h}")
	int purge() {
		return retention.purge("charger_data_transfers", dataTransfers, "DataTransfer messages")
				+ retention.purge("charger_status_reports", statusReports, "firmware and diagnostics status reports")
				+ retention.purge("charger_security_events", securityEvents, "security events");
	}
}
