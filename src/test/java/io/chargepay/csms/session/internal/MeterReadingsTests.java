package io.chargepay.csms.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MeterReadingsTests {

	@Test
	void normalizesActiveEnergyRegistersToWattHours() {
		assertThat(MeterReadings.activeEnergyWh("Energy.Active.Import.Register", "kWh", new BigDecimal("1.5")))
				.isEqualByComparingTo("1500");
		assertThat(MeterReadings.activeEnergyWh("Energy.Active.Export.Interval", "Wh", new BigDecimal("42")))
				.isEqualByComparingTo("42");
	}

	@Test
	void leavesEverythingElseUnnormalized() {
		assertThat(MeterReadings.activeEnergyWh("Power.Active.Import", "W", BigDecimal.TEN)).isNull();
		assertThat(MeterReadings.activeEnergyWh("Energy.Reactive.Import.Register", "kvarh", BigDecimal.TEN)).isNull();
		assertThat(MeterReadings.activeEnergyWh("Energy.Active.Import.Register", "kWh", null)).isNull();
	}
}
