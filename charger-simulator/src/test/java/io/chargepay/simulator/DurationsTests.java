package io.chargepay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTests {

	@Test
	void readsTheWaysPeopleWriteDurations() {
		assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Durations.parse("5s")).isEqualTo(Duration.ofSeconds(5));
		assertThat(Durations.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
		assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
		assertThat(Durations.parse("30")).isEqualTo(Duration.ofSeconds(30));
		assertThat(Durations.parse("PT10S")).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void saysWhatItExpectsWhenItCannotRead() {
		assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("try 500ms, 5s, 2m or 1h");
	}
}
