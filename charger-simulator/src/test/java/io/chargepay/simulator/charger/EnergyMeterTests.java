package io.chargepay.simulator.charger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.chargepay.simulator.support.MutableClock;
import org.junit.jupiter.api.Test;

class EnergyMeterTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

	@Test
	void registerRisesAtTheConfiguredPowerWhileEnergyFlows() {
		EnergyMeter meter = new EnergyMeter(clock, 11_000, 500);
		meter.startFlow();
		clock.advance(Duration.ofMinutes(30));

		MeterReading reading = meter.read();

		assertThat(reading.energyWh()).isEqualTo(500 + 5_500);
		assertThat(reading.powerW()).isEqualTo(11_000);
		assertThat(reading.at()).isEqualTo(clock.instant());
	}

	@Test
	void registerHoldsStillWhenNoEnergyFlowsAndContinuesFromThereOnTheNextFlow() {
		EnergyMeter meter = new EnergyMeter(clock, 7_200, 0);
		meter.startFlow();
		clock.advance(Duration.ofSeconds(10));
		meter.stopFlow();
		clock.advance(Duration.ofHours(2));

		assertThat(meter.read().energyWh()).isEqualTo(20);
		assertThat(meter.read().powerW()).isZero();

		meter.startFlow();
		clock.advance(Duration.ofSeconds(10));
		assertThat(meter.read().energyWh()).isEqualTo(40);
	}
}
