package io.chargepay.csms.balance.internal.evm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact conversions between on-chain integer amounts and fiat. Nothing is rounded when turning units into fiat (a
 * power of ten and a decimal price give a finite decimal), so "exactly enough" compares as equal; an amount of fiat
 * turned into units is rounded up, so a transfer never pays less than asked.
 */
final class FiatMath {

	private FiatMath() {
	}

	/** {@code units / 10^decimals × price}, exactly. */
	static BigDecimal toFiat(BigInteger units, int decimals, BigDecimal price) {
		return new BigDecimal(units).movePointLeft(decimals).multiply(price);
	}

	/** The smallest number of units worth at least {@code fiat}. */
	static BigInteger unitsFor(BigDecimal fiat, int decimals, BigDecimal price) {
		return fiat.movePointRight(decimals).divide(price, 0, RoundingMode.CEILING).toBigIntegerExact();
	}

	/** A Chainlink answer as a price: {@code answer / 10^decimals}. */
	static BigDecimal price(BigInteger answer, int decimals) {
		return new BigDecimal(answer).movePointLeft(decimals);
	}

	/** What a transfer costs: gas × (base fee + priority tip). */
	static BigInteger fee(BigInteger gas, BigInteger feePerGas) {
		return gas.multiply(feePerGas);
	}

	/** Plain text for metadata, without exponent or trailing zeros beyond the number's own scale. */
	static String plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}
}
