package io.chargepay.csms.balance;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a provider found: the funds of each asset it looked at (in fiat), or an error, and the metadata the decision
 * rests on (JSON-serialisable values: strings, numbers, booleans, lists and maps).
 */
public record ProviderAnswer(List<Funds> funds, @Nullable String errorMessage, Map<String, Object> metadata) {

	/**
	 * One asset of the wallet. {@code value} is its fiat value; {@code spendable} what it can pay once the fee of the
	 * transfer that would pay is covered, or null when it cannot pay the amount at all (too little of it, or for a token
	 * not enough of the native coin for the fee).
	 */
	public record Funds(String asset, BigDecimal value, @Nullable BigDecimal spendable) {

		public boolean covers(BigDecimal amount) {
			return spendable != null && spendable.compareTo(amount) >= 0;
		}
	}

	/** The decision for a needed amount: requested + reserved. */
	public record Coverage(BalanceStatus status, @Nullable BigDecimal actualBalance, @Nullable String decidedBy) {
	}

	public ProviderAnswer {
		funds = List.copyOf(funds);
		metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
	}

	public static ProviderAnswer of(List<Funds> funds, Map<String, Object> metadata) {
		return new ProviderAnswer(funds, null, metadata);
	}

	public static ProviderAnswer error(String errorMessage, Map<String, Object> metadata) {
		return new ProviderAnswer(List.of(), errorMessage, metadata);
	}

	/**
	 * SUFFICIENT when any asset covers {@code needed} (the first one in the provider's order decides), else INSUFFICIENT
	 * with the most valuable asset as the balance; ERROR when the provider failed.
	 */
	public Coverage coverage(BigDecimal needed) {
		if (errorMessage != null) {
			return new Coverage(BalanceStatus.ERROR, null, null);
		}
		Optional<Funds> covering = funds.stream().filter(f -> f.covers(needed)).findFirst();
		if (covering.isPresent()) {
			return new Coverage(BalanceStatus.SUFFICIENT, covering.get().value(), covering.get().asset());
		}
		BigDecimal best = funds.stream().map(Funds::value).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
		return new Coverage(BalanceStatus.INSUFFICIENT, best, null);
	}
}
