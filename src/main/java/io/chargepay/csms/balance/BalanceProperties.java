package io.chargepay.csms.balance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Balance checks: {@code csms.balance.*} (RPC timeout, how old a price may be), the EVM chains under
 * {@code csms.chains.<NAME>.*} ({@code NAME} is the request's {@code chain}, matched case-insensitively), and the fiat
 * currency amounts are in, {@code csms.payments.currency} (read here only to record it). Bound at the {@code csms} root
 * because {@code csms.chains} is a map at the top of its own prefix (ARCHITECTURE.md, configuration contract).
 */
@Validated
@ConfigurationProperties("csms")
public record BalanceProperties(
		@DefaultValue @Valid Balance balance,
		@DefaultValue Map<String, @Valid Chain> chains,
		@DefaultValue @Valid Payments payments) {

	static final String ADDRESS = "^0x[0-9a-fA-F]{40}$";

	public BalanceProperties {
		chains = upperCaseKeys(chains, "csms.chains");
	}

	/**
	 * {@code holdTtl}: how long a sufficient check's reservation lasts when no session takes it (an Authorize whose
	 * StartTransaction never came, a crash between check and session); longer than csms.authorization.check-reuse.
	 * {@code checkTimeout}: the deadline of all the chain calls of one check together (CheckDeadline).
	 */
	public record Balance(
			@DefaultValue("5s") @NotNull Duration rpcTimeout,
			@DefaultValue("1h") @NotNull Duration maxPriceAge,
			@DefaultValue("3s") @NotNull Duration checkTimeout,
			@DefaultValue("10m") @NotNull Duration holdTtl) {
	}

	public record Payments(@DefaultValue("usd") @NotBlank String currency) {
	}

	/**
	 * One EVM chain. The native coin's price comes from a Chainlink-style aggregator ({@code price-feed}) or is fixed
	 * ({@code fiat-price}); {@code payee}, when set, is the recipient of the transfers whose gas is estimated (else the
	 * wallet itself).
	 */
	public record Chain(
			@NotBlank String rpcUrl,
			@Positive long chainId,
			@NotBlank String nativeSymbol,
			@DefaultValue("18") @Min(0) @Max(36) int nativeDecimals,
			@Nullable @Pattern(regexp = ADDRESS) String priceFeed,
			@Nullable @Positive BigDecimal fiatPrice,
			@DefaultValue Map<String, @Valid Token> tokens,
			@Nullable @Pattern(regexp = ADDRESS) String payee) {

		public Chain {
			tokens = upperCaseKeys(tokens, "tokens");
		}

		@AssertTrue(message = "set exactly one of price-feed or fiat-price")
		public boolean isPriceSourceSet() {
			return (priceFeed == null) != (fiatPrice == null);
		}
	}

	/** An ERC-20 token; {@code fiat-price} is the price of one whole token, 1 for a stablecoin of the currency. */
	public record Token(
			@NotBlank @Pattern(regexp = ADDRESS) String address,
			@NotNull @Min(0) @Max(36) Integer decimals,
			@DefaultValue("1") @Positive BigDecimal fiatPrice) {
	}

	private static <V> Map<String, V> upperCaseKeys(@Nullable Map<String, V> map, String what) {
		Map<String, V> result = new LinkedHashMap<>();
		if (map != null) {
			map.forEach((key, value) -> {
				if (result.put(key.toUpperCase(Locale.ROOT), value) != null) {
					throw new IllegalArgumentException(what + " names " + key + " twice (names are case-insensitive)");
				}
			});
		}
		return result;
	}
}
