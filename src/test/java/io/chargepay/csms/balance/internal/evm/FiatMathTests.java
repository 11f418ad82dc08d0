package io.chargepay.csms.balance.internal.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

class FiatMathTests {

	private static final BigDecimal ETH_USD = new BigDecimal("2000.12345678");

	@Test
	void convertsWeiToFiatWithoutRounding() {
		BigDecimal value = FiatMath.toFiat(BigInteger.ONE, 18, ETH_USD);

		assertThat(value).isEqualByComparingTo("0.00000000000000200012345678");
		assertThat(FiatMath.toFiat(new BigInteger("1500000000000000000"), 18, new BigDecimal("2000")))
				.isEqualByComparingTo("3000");
	}

	@Test
	void convertsTokenUnitsWithTheTokensOwnDecimalsAndPrice() {
		assertThat(FiatMath.toFiat(BigInteger.valueOf(12_345_678), 6, BigDecimal.ONE)).isEqualByComparingTo("12.345678");
		assertThat(FiatMath.toFiat(BigInteger.valueOf(5), 0, new BigDecimal("0.5"))).isEqualByComparingTo("2.5");
	}

	@Test
	void roundsTheUnitsOfATransferUpSoItNeverPaysLessThanAsked() {
		BigInteger wei = FiatMath.unitsFor(new BigDecimal("10"), 18, ETH_USD);

		assertThat(FiatMath.toFiat(wei, 18, ETH_USD)).isGreaterThanOrEqualTo(new BigDecimal("10"));
		assertThat(FiatMath.toFiat(wei.subtract(BigInteger.ONE), 18, ETH_USD)).isLessThan(new BigDecimal("10"));
		assertThat(FiatMath.unitsFor(new BigDecimal("10"), 18, new BigDecimal("2000")))
				.isEqualTo(new BigInteger("5000000000000000"));
	}

	@Test
	void readsAChainlinkAnswerWithItsDecimals() {
		assertThat(FiatMath.price(new BigInteger("200012345678"), 8)).isEqualByComparingTo(ETH_USD);
	}

	@Test
	void chargesGasTimesBaseFeePlusTip() {
		BigInteger perGas = BigInteger.valueOf(1_000_000_000L).add(BigInteger.valueOf(1_500_000_000L));

		assertThat(FiatMath.fee(BigInteger.valueOf(21_000), perGas)).isEqualTo(new BigInteger("52500000000000"));
	}

	@Test
	void findsExactlyEnoughSufficientAndOneWeiLessNot() {
		BigDecimal price = new BigDecimal("2000");
		BigInteger fee = new BigInteger("52500000000000");
		BigInteger exactly = FiatMath.unitsFor(new BigDecimal("10"), 18, price).add(fee);

		assertThat(FiatMath.toFiat(exactly.subtract(fee), 18, price)).isEqualByComparingTo("10");
		assertThat(FiatMath.toFiat(exactly.subtract(fee).subtract(BigInteger.ONE), 18, price))
				.isLessThan(new BigDecimal("10"));
	}

	@Test
	void writesPlainDecimalsForMetadata() {
		assertThat(FiatMath.plain(new BigDecimal("2.000E+3"))).isEqualTo("2000");
		assertThat(FiatMath.plain(new BigDecimal("0.000000000000000200"))).isEqualTo("0.0000000000000002");
	}
}
