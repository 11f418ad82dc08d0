package io.chargepay.csms.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import io.chargepay.csms.session.Money;
import org.junit.jupiter.api.Test;

class TariffTests {

	@Test
	void chargesTheFlatSessionFeeByDefault() {
		assertThat(new Tariff(BigDecimal.ZERO, new BigDecimal("0.50"), "usd").cost(12_345, null))
				.isEqualTo(new Money(50, "usd"));
	}

	@Test
	void chargesPricePerKwhPlusFeeRoundedHalfUpToTheCent() {
		Tariff tariff = new Tariff(new BigDecimal("0.35"), new BigDecimal("0.50"), "usd");

		assertThat(tariff.cost(10_000, null)).isEqualTo(new Money(400, "usd")); // 3.50 + 0.50
		assertThat(tariff.cost(1_001, null)).isEqualTo(new Money(85, "usd")); // 0.35035 + 0.50 = 0.85035
		assertThat(tariff.cost(1_015, null)).isEqualTo(new Money(86, "usd")); // 0.35525 + 0.50 = 0.85525
	}

	@Test
	void takesAnOperatorsFinalCostInsteadOfTheTariff() {
		assertThat(new Tariff(new BigDecimal("0.35"), new BigDecimal("0.50"), "usd").cost(99_000, new BigDecimal("7.50")))
				.isEqualTo(new Money(750, "usd"));
	}

	@Test
	void respectsTheCurrencysMinorUnit() {
		assertThat(new Tariff(new BigDecimal("30"), BigDecimal.ZERO, "jpy").cost(1_500, null))
				.isEqualTo(new Money(45, "jpy"));
	}
}
