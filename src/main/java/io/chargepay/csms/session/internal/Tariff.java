package io.chargepay.csms.session.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.chargepay.csms.session.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a session costs: an operator's final cost when one was set, else price-per-kWh × metered kWh + session fee
 * (defaults 0 and 0.50: the specification's flat POC price), rounded half-up to the currency's minor unit.
 */
@Component
public class Tariff {

	private static final BigDecimal WH_PER_KWH = BigDecimal.valueOf(1000);

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

	public Money cost(long energyWh, @org.jspecify.annotations.Nullable BigDecimal finalCost) {
		if (finalCost != null) {
			return Money.of(finalCost, currency);
		}
		BigDecimal kwh = BigDecimal.valueOf(energyWh).divide(WH_PER_KWH, 6, RoundingMode.UNNECESSARY);
		return Money.of(pricePerKwh.multiply(kwh).add(sessionFee), currency);
	}

	public String currency() {
		return currency;
	}
}
