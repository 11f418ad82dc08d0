package io.chargepay.simulator.load;

/**
 * Which chargers run transactions, spread evenly through the fleet rather than the first N: charger i takes part when
 * the running total of the share crosses a whole number at i, so a share of 0.25 picks every fourth.
 */
public record TransactionShare(double share) {

	public boolean selects(int index) {
		return Math.floor((index + 1) * share + 1e-9) > Math.floor(index * share + 1e-9);
	}
}
