package io.chargepay.csms.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/** An amount of money in minor units (cents for usd) of an ISO 4217 currency; never a double. */
public record Money(long minorUnits, String currency) {

	public Money {
		currency = currency.toLowerCase(Locale.ROOT);
		if (minorUnits < 0) {
			throw new IllegalArgumentException("Money cannot be negative");
		}
	}

	/** Rounds half-up to the currency's minor unit (2 digits for usd/eur, 0 for jpy). */
	public static Money of(BigDecimal amount, String currency) {
		int digits = fractionDigits(currency);
		return new Money(amount.setScale(digits, RoundingMode.HALF_UP).movePointRight(digits).longValueExact(), currency);
	}

	public BigDecimal amount() {
		return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
	}

	private static int fractionDigits(String currency) {
		return Math.max(0, Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits());
	}
}
