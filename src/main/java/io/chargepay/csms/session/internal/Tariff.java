package io.chargepay.csms.session.internal;

import java.math.BigDecimal;
import java.util.Optional;

import io.chargepay.csms.session.Money;
import io.chargepay.csms.session.SessionProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a session costs: an operator's final cost when one was set, else price-per-kWh × metered kWh + session fee
 * (defaults 0 and 0.50: the specification's flat POC price), rounded half-up to the currency's minor unit.
 * <p>
 * What a driver is billed without an operator's final cost never exceeds what the session's balance check covered
 * (its {@code expectedMaxCost}, or csms.authorization.default-max-cost for a charger-started session) plus
 * csms.tariff.max-cost-tolerance (a fraction, default 0): the check is the only promise of funds there is, as a card
 * pre-authorisation caps its capture. The tariff's amount is kept beside the billed one; an operator's final cost is
 * billed as set.
 */
@Component
public class Tariff {

	/** What a session is billed, and the tariff's amount when that was more (else null). */
	public record Bill(Money amount, @Nullable Money uncapped) {
	}

	private final BigDecimal pricePerKwh;
	private final BigDecimal sessionFee;
	private final String currency;
	private final BigDecimal maxCostTolerance;
	private final BigDecimal chargerStartCheck;

	@Autowired
	Tariff(@Value("${csms.tariff.price-per-kwh:0}") BigDecimal pricePerKwh,
			@Value("${csms.tariff.session-fee:0.50}") BigDecimal sessionFee,
			@Value("${csms.payments.currency:usd}") String currency,
			@Value("${csms.tariff.max-cost-tolerance:0}") BigDecimal maxCostTolerance, SessionProperties sessions) {
		this(pricePerKwh, sessionFee, currency, maxCostTolerance, sessions.authorization().defaultMaxCost());
	}

	/** Prices only: no session is capped by this one's bills (unit tests of the price arithmetic). */
	Tariff(BigDecimal pricePerKwh, BigDecimal sessionFee, String currency) {
		this(pricePerKwh, sessionFee, currency, BigDecimal.ZERO, BigDecimal.ZERO);
	}

	private Tariff(BigDecimal pricePerKwh, BigDecimal sessionFee, String currency, BigDecimal maxCostTolerance,
			BigDecimal chargerStartCheck) {
		if (maxCostTolerance.signum() < 0) {
			throw new IllegalArgumentException("csms.tariff.max-cost-tolerance must not be negative");
		}
		this.pricePerKwh = pricePerKwh;
		this.sessionFee = sessionFee;
		this.currency = currency;
		this.maxCostTolerance = maxCostTolerance;
		this.chargerStartCheck = chargerStartCheck;
	}

	/**
	 * The bill of a session: its cost, capped at what its balance check covered ({@code expectedMaxCost}, else the
	 * RFID gate's amount when it had a check) plus the tolerance, unless an operator set {@code finalCost}; empty when
	 * the cost does not fit (see {@link #cost}).
	 */
	public Optional<Bill> bill(long energyWh, @Nullable BigDecimal finalCost, @Nullable BigDecimal expectedMaxCost,
			boolean checked) {
		BigDecimal checkedAmount = expectedMaxCost != null ? expectedMaxCost : checked ? chargerStartCheck : null;
		return cost(energyWh, finalCost).map(cost -> {
			if (finalCost != null || checkedAmount == null) {
				return new Bill(cost, null);
			}
			Money cap = Money.of(checkedAmount.multiply(BigDecimal.ONE.add(maxCostTolerance)), currency);
			return cost.minorUnits() > cap.minorUnits() ? new Bill(cap, cost) : new Bill(cost, null);
		});
	}

	/** The cost, or empty when it does not fit in minor units of a {@code long} (a meter reporting absurd energy). */
	public Optional<Money> cost(long energyWh, @Nullable BigDecimal finalCost) {
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
