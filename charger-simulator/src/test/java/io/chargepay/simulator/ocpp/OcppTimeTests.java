package io.chargepay.simulator.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class OcppTimeTests {

	@Test
	void writesUtcWithMillisecondsEvenWhenTheyAreZero() {
		assertThat(OcppTime.format(Instant.parse("2025-03-01T10:15:30Z"))).isEqualTo("2025-03-01T10:15:30.000Z");
	}

	@Test
	void cutsFinerPrecisionToMilliseconds() {
		assertThat(OcppTime.format(Instant.parse("2025-03-01T10:15:30.123456789Z")))
				.isEqualTo("2025-03-01T10:15:30.123Z");
	}
}
