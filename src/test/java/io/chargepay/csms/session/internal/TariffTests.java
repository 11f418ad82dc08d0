package io.chargepay.csms.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import io.chargepay.csms.session.Money;
import org.junit.jupiter.api.Test;

class TariffTests {

	@Test
	void chargesTheFlatSessionFeeByDefault() {
		assertThat(new Tariff(BigDecimal.ZERO, new BigDecimal("0.50"), "usd").cost(12_345, null))
				.contains(new Money(50, "usd"));
	}

	@Test
	void chargesPricePerKwhPlusFeeRoundedHalfUpToTheCent() {
		Tariff tariff = new Tariff(new BigDecimal("0.35"), new BigDecimal("0.50"), "usd");

		assertThat(tariff.cost(10_000, null)).contains(new Money(400, "usd")); // 3.50 + 0.50
		assertThat(tariff.cost(1_001, null)).contains(new Money(85, "usd")); // 0.35035 + 0.50 = 0.85035
		assertThat(tariff.cost(1_015, null)).contains(new Money(86, "usd")); // 0.35525 + 0.50 = 0.85525
	}

	@Test
	void takesAnOperatorsFinalCostInsteadOfTheTariff() {
		assertThat(new Tariff(new BigDecimal("0.35"), new BigDecimal("0.50"), "usd").cost(99_000, new BigDecimal("7.50")))
				.contains(new Money(750, "usd"));
	}

	@Test
	void respectsTheCurrencysMinorUnit() {
		assertThat(new Tariff(new BigDecimal("30"), BigDecimal.ZERO, "jpy").cost(1_500, null))
				.contains(new Money(45, "jpy"));
	}

	@Test
	void statesNoCostForAnEnergyWhoseAmountNoProviderCouldTake() {
		// 9.2e18 Wh at 1000/kWh is 9.2e17 dollars: beyond a long of cents. The session is held instead of failing.
		assertThat(new Tariff(new BigDecimal("1000"), BigDecimal.ZERO, "usd").cost(Long.MAX_VALUE, null)).isEmpty();
	}
}
