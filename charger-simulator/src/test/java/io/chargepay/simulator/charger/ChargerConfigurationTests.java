package io.chargepay.simulator.charger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChargerConfigurationTests {

	private final ChargerConfiguration configuration = new ChargerConfiguration(2, Duration.ofSeconds(15));

	@Test
	void acceptsAValidChangeAndTellsTheListeners() {
		List<String> changed = new ArrayList<>();
		configuration.onChange(changed::add);

		assertThat(configuration.change("HeartbeatInterval", "120")).isEqualTo("Accepted");

		assertThat(configuration.seconds("HeartbeatInterval")).isEqualTo(Duration.ofSeconds(120));
		assertThat(changed).containsExactly("HeartbeatInterval");
	}

	@Test
	void rejectsReadOnlyKeysAndBadValuesAndDoesNotKnowOthers() {
		assertThat(configuration.change("NumberOfConnectors", "4")).isEqualTo("Rejected");
		assertThat(configuration.change("MeterValueSampleInterval", "soon")).isEqualTo("Rejected");
		assertThat(configuration.change("AuthorizeRemoteTxRequests", "maybe")).isEqualTo("Rejected");
		assertThat(configuration.change("NoSuchKey", "1")).isEqualTo("NotSupported");
		assertThat(configuration.value("MeterValueSampleInterval")).isEqualTo("15");
	}

	@Test
	void reportsEveryKeyWhenNoneAreNamed() {
		ChargerConfiguration.Report report = configuration.report(List.of());

		assertThat(report.configurationKey()).extracting(ChargerConfiguration.KeyValue::key)
				.contains("HeartbeatInterval", "MeterValueSampleInterval", "NumberOfConnectors",
						"SupportedFeatureProfiles");
		assertThat(report.unknownKey()).isEmpty();
	}

	@Test
	void reportsNamedKeysAndListsTheUnknownOnes() {
		ChargerConfiguration.Report report = configuration.report(List.of("NumberOfConnectors", "Nope"));

		assertThat(report.configurationKey())
				.containsExactly(new ChargerConfiguration.KeyValue("NumberOfConnectors", true, "2"));
		assertThat(report.unknownKey()).containsExactly("Nope");
	}
}
