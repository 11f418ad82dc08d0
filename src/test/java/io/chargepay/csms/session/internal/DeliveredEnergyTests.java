package io.chargepay.csms.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveredEnergyTests {

	@Test
	void isTheExactDifferenceOfTheRegisters() {
		assertThat(ChargingSession.deliveredWh(1_000, 8_500)).isEqualTo(7_500L);
		assertThat(ChargingSession.deliveredWh(0, ChargingSession.PLAUSIBLE_ENERGY_WH))
				.isEqualTo(ChargingSession.PLAUSIBLE_ENERGY_WH);
	}

	@Test
	void isUnknownForAMeterThatRanBackwardsOrReadsBelowZero() {
		assertThat(ChargingSession.deliveredWh(5_000, 4_999)).isNull();
		assertThat(ChargingSession.deliveredWh(-1, 10)).isNull();
		assertThat(ChargingSession.deliveredWh(Long.MIN_VALUE, Long.MAX_VALUE)).isNull(); // would overflow
	}

	@Test
	void isUnknownBeyondWhatAnyChargerDeliversInOneSession() {
		assertThat(ChargingSession.deliveredWh(0, ChargingSession.PLAUSIBLE_ENERGY_WH + 1)).isNull();
		assertThat(ChargingSession.deliveredWh(0, Long.MAX_VALUE)).isNull();
	}
}
