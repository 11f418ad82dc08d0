package io.chargepay.csms.session.internal;

import java.math.BigDecimal;
import java.util.Optional;

import io.chargepay.csms.session.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a session costs: an operator's final cost when one was set, else price-per-kWh × metered kWh + session fee
 * (defaults 0 and 0.50: the specification's flat POC price), rounded half-up to the currency's minor unit.
 */
@Component
public class Tariff {

	private final BigDecimal pricePerKwh;
	private final BigDecimal sessionFee;
	private final String currency;

	Tariff(@Value("${csms.tariff.price-per-kwh:0}") BigDecimal pricePerKwh,
			@Value("${csms.tariff.session-fee:0.50}") BigDecimal sessionFee,
			@Value("${csms.payments.currency:usd}") String currency) {
		this.pricePerKwh = pricePerKwh;
		this.sessionFee = sessionFee;
		this.currency = currency;
	}

	/** The cost, or empty when it does not fit in minor units of a {@code long} (a meter reporting absurd energy). */
	public Optional<Money> cost(long energyWh, @org.jspecify.annotations.Nullable BigDecimal finalCost) {
		BigDecimal amount = finalCost != null ? finalCost
				: pricePerKwh.multiply(BigDecimal.valueOf(energyWh).movePointLeft(3)).add(sessionFee);
		try {
			return Optional.of(Money.of(amount, currency));
		}
		catch (ArithmeticException tooLarge) {
			return Optional.empty();
		}
	}

	public String currency() {
		return currency;
	}
}
