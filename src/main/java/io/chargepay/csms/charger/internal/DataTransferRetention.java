package io.chargepay.csms.charger.internal;

import java.time.Duration;

import io.chargepay.csms.persistence.RowRetention;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** DataTransfer messages from chargers are kept for csms.retention.data-transfers (default 30 days), then purged. */
@Component
class DataTransferRetention {

	private final RowRetention retention;
	private final Duration keep;

	DataTransferRetention(RowRetention retention, @Value("${csms.retention.data-transfers:30d}") Duration keep) {
		this.retention = retention;
		this.keep = keep;
	}

	@Scheduled(fixedDelayString = "${csms.retention.interval:1h}", initialDelayString = "${csms.retention.interval:1h}")
	int purge() {
		return retention.purge("charger_data_transfers", keep, "DataTransfer messages");
	}
}
