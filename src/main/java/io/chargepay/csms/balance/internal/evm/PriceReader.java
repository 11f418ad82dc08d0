package io.chargepay.csms.balance.internal.evm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.chargepay.csms.balance.BalanceProperties;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.abi.datatypes.generated.Uint80;

/**
 * The fiat price of a chain's native coin: fixed ({@code fiat-price}) or read from a Chainlink AggregatorV3-style feed
 * ({@code decimals()} and {@code latestRoundData()} through eth_call). A feed price older than
 * {@code csms.balance.max-price-age} is a failure, never a guess.
 */
class PriceReader {

	private static final Function DECIMALS = new Function("decimals", List.of(),
			List.of(new TypeReference<Uint8>() { }));
	private static final Function LATEST_ROUND_DATA = new Function("latestRoundData", List.of(), List.of(
			new TypeReference<Uint80>() { }, new TypeReference<Int256>() { }, new TypeReference<Uint256>() { },
			new TypeReference<Uint256>() { }, new TypeReference<Uint80>() { }));

	private final Clock clock;
	private final Duration maxAge;

	PriceReader(Clock clock, Duration maxAge) {
		this.clock = clock;
		this.maxAge = maxAge;
	}

	/** The feed's reads, for the check's batch; none for a fixed price. */
	void plan(BalanceProperties.Chain config, BigInteger block, EvmRpc.Batch batch) {
		if (config.fiatPrice() == null) {
			batch.call(config.priceFeed(), FunctionEncoder.encode(DECIMALS), block)
					.call(config.priceFeed(), FunctionEncoder.encode(LATEST_ROUND_DATA), block);
		}
	}

	/** Fills {@code metadata} with what it read, also when it then fails. */
	BigDecimal nativePrice(String chain, BalanceProperties.Chain config, EvmRpc rpc, BigInteger block,
			Map<String, Object> metadata) {
		if (config.fiatPrice() != null) {
			metadata.put("source", "fixed");
			metadata.put("value", FiatMath.plain(config.fiatPrice()));
			return config.fiatPrice();
		}
		String feed = config.priceFeed();
		metadata.put("source", "price-feed");
		metadata.put("feed", feed);
		int decimals = ((BigInteger) decode(rpc.call(feed, FunctionEncoder.encode(DECIMALS), block,
				"decimals() of the price feed"), DECIMALS, "decimals()").get(0).getValue()).intValue();
		List<Type> round = decode(rpc.call(feed, FunctionEncoder.encode(LATEST_ROUND_DATA), block,
				"latestRoundData() of the price feed"), LATEST_ROUND_DATA, "latestRoundData()");
		BigInteger answer = (BigInteger) round.get(1).getValue();
		BigInteger updatedSeconds = (BigInteger) round.get(3).getValue();
		if (updatedSeconds.bitLength() > 40) {
			throw new RpcFailure("the " + chain + " price feed answered an impossible updatedAt (" + updatedSeconds + ")");
		}
		Instant updatedAt = Instant.ofEpochSecond(updatedSeconds.longValue());
		metadata.put("roundId", round.get(0).getValue().toString());
		metadata.put("answer", answer.toString());
		metadata.put("decimals", decimals);
		metadata.put("updatedAt", updatedAt.toString());
		if (answer.signum() <= 0) {
			throw new RpcFailure("the " + chain + " price feed answered a non-positive price (" + answer + ")");
		}
		Duration age = Duration.between(updatedAt, clock.instant());
		if (age.compareTo(maxAge) > 0) {
			throw new RpcFailure("stale price: the " + chain + " price feed was last updated at " + updatedAt + ", "
					+ age.toSeconds() + " s ago, more than csms.balance.max-price-age (" + maxAge.toSeconds() + " s)");
		}
		BigDecimal price = FiatMath.price(answer, decimals);
		metadata.put("value", FiatMath.plain(price));
		return price;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static List<Type> decode(String data, Function function, String what) {
		try {
			List<Type> values = FunctionReturnDecoder.decode(data, (List) function.getOutputParameters());
			if (values.size() != function.getOutputParameters().size()) {
				throw new IllegalArgumentException(values.size() + " values");
			}
			return values;
		}
		catch (RuntimeException e) {
			throw new RpcFailure(what + " of the price feed returned a malformed answer: " + EvmRpc.describe(e));
		}
	}
}
