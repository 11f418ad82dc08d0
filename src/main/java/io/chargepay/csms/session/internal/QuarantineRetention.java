package io.chargepay.csms.session.internal;

import java.time.Duration;

import io.chargepay.csms.persistence.RowRetention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Quarantined charger messages are kept for csms.retention.quarantined-messages (default 30 days), then purged. */
@Component
class QuarantineRetention {

	private final RowRetention retention;
	private final Duration keep;

	QuarantineRetention(RowRetention retention, @Value("${csms.retention.quarantined-messages:30d}") Duration keep) {
		this.retention = retention;
		this.keep = keep;
	}

	@Scheduled(fixedDelayString = "${csms.retention.interval:1h}", initialDelayString = "${csms.retention.interval:1h}")
	int purge() {
		return retention.purge("quarantined_messages", keep, "quarantined messages");
	}
}
