package io.chargepay.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import io.chargepay.simulator.transport.TlsSettings;
import org.junit.jupiter.api.Test;

class LoadSettingsTests {

	@Test
	void givesEachChargerItsOwnIdTagWhenThePatternNamesTheChargerNumber() {
		LoadSettings perCharger = settings("BA{n}");

		assertThat(perCharger.idTagOf(0)).isEqualTo("BA1");
		assertThat(perCharger.idTagOf(9_499)).isEqualTo("BA9500");
	}

	@Test
	void givesEveryChargerTheSameIdTagWithoutAPattern() {
		LoadSettings shared = settings("TAG-USER-123");

		assertThat(shared.idTagOf(0)).isEqualTo("TAG-USER-123");
		assertThat(shared.idTagOf(41)).isEqualTo("TAG-USER-123");
	}

	@Test
	void refusesAMeasurementWindowThatEndsAfterTheRunOrBeforeItStarts() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings("TAG", window(5, 11)))
				.withMessageContaining("within --duration");
		assertThatIllegalArgumentException().isThrownBy(() -> window(6, 6)).withMessageContaining("ends after it starts");
		assertThat(settings("TAG", window(5, 10)).window().length()).isEqualTo(Duration.ofSeconds(5));
	}

	private static MeasurementWindow window(int fromSeconds, int untilSeconds) {
		return new MeasurementWindow(Duration.ofSeconds(fromSeconds), Duration.ofSeconds(untilSeconds));
	}

	private static LoadSettings settings(String idTag) {
		return settings(idTag, null);
	}

	/** A run of 10 s. */
	private static LoadSettings settings(String idTag, MeasurementWindow window) {
		return new LoadSettings(URI.create("ws://127.0.0.1:1/ocpp"), TlsSettings.defaults(), Duration.ofSeconds(5),
				Duration.ofSeconds(5), 10, new ChargerIds("LOAD-", 10, null, "key-{id}-0000000000"), 10,
				Duration.ofSeconds(60), Duration.ofSeconds(60), 1, Duration.ofSeconds(60), Duration.ofSeconds(1), idTag,
				false, 0, 11, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(5), Path.of("report.json"), window);
	}
}
