package io.chargepay.csms.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import io.chargepay.csms.session.Money;
import io.chargepay.csms.session.SessionProperties;
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

	@Test
	void billsAnAppSessionAtMostItsExpectedMaxCostAndKeepsTheTariffsAmount() {
		// 30 kWh at 1.00 + 0.50 = 30.50, against a check of 10.00.
		assertThat(capping(BigDecimal.ZERO).bill(30_000, null, new BigDecimal("10.00"), true))
				.contains(new Tariff.Bill(new Money(1_000, "usd"), new Money(3_050, "usd")));
	}

	@Test
	void billsAChargerStartedSessionAtMostTheRfidGatesCheckedAmount() {
		assertThat(capping(BigDecimal.ZERO).bill(30_000, null, null, true))
				.contains(new Tariff.Bill(new Money(2_000, "usd"), new Money(3_050, "usd")));
	}

	@Test
	void billsWithinTheToleranceInFullAndCapsBeyondIt() {
		Tariff tariff = capping(new BigDecimal("0.10"));

		assertThat(tariff.bill(10_300, null, new BigDecimal("10.00"), true)) // 10.80 ≤ 11.00
				.contains(new Tariff.Bill(new Money(1_080, "usd"), null));
		assertThat(tariff.bill(30_000, null, new BigDecimal("10.00"), true))
				.contains(new Tariff.Bill(new Money(1_100, "usd"), new Money(3_050, "usd")));
	}

	@Test
	void billsAnOperatorsFinalCostAsSetAndAnUncheckedSessionInFull() {
		assertThat(capping(BigDecimal.ZERO).bill(30_000, new BigDecimal("50.00"), new BigDecimal("10.00"), true))
				.contains(new Tariff.Bill(new Money(5_000, "usd"), null));
		assertThat(capping(BigDecimal.ZERO).bill(30_000, null, null, false))
				.contains(new Tariff.Bill(new Money(3_050, "usd"), null));
	}

	@Test
	void refusesANegativeTolerance() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> capping(new BigDecimal("-0.01")));
	}

	/** 1.00 per kWh plus 0.50, with RFID sessions checked for 20.00 (csms.authorization.default-max-cost). */
	private static Tariff capping(BigDecimal tolerance) {
		SessionProperties properties = new SessionProperties(
				new SessionProperties.Session(Duration.ofSeconds(120), Duration.ofSeconds(10), Duration.ofMinutes(2)),
				new SessionProperties.Authorization(new BigDecimal("20.00"), Duration.ofMinutes(5)));
		return new Tariff(new BigDecimal("1.00"), new BigDecimal("0.50"), "usd", tolerance, properties);
	}
}
