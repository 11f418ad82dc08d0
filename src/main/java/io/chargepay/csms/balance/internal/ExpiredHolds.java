package io.chargepay.csms.balance.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Frees the funds of reservations no session took within csms.balance.hold-ttl. It reads the database, not memory, so
 * a hold left by a node that crashed is freed by any node; several nodes sweeping at once release each row once.
 */
@Component
class ExpiredHolds {

	private static final Logger log = LoggerFactory.getLogger(ExpiredHolds.class);

	private final CheckRecorder recorder;
	private final Counter released;

	ExpiredHolds(CheckRecorder recorder, MeterRegistry meters) {
		this.recorder = recorder;
		this.released = Counter.builder("csms.balance.holds.expired")
				.description("Wallet reservations released because no session took them in time").register(meters);
	}

	@Scheduled(fixedDelayString = "${csms.balance.hold-sweep-interval:30s}")
	void sweep() {
		int count = recorder.releaseExpired();
		if (count > 0) {
			released.increment(count);
			log.info("Released {} wallet reservations no session took within csms.balance.hold-ttl", count);
		}
	}
}
