package io.chargepay.csms.balance.internal.evm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chargepay.csms.balance.BalanceProperties;
import io.chargepay.csms.balance.ProviderAnswer.Funds;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * What one wallet holds on one chain at one block, asset by asset, each with the fee of the transfer that would pay
 * the requested amount with it. Every figure the decision rests on goes into the asset's metadata: raw amounts as
 * strings of wei or token units, fiat values as plain decimals.
 */
class WalletAssets {

	private final EvmChain chain;
	private final EvmRpc rpc;
	private final String wallet;
	private final BigInteger block;
	private final BigDecimal nativePrice;
	private final BigInteger feePerGas;
	private final BigInteger nativeBalance;

	WalletAssets(EvmChain chain, EvmRpc rpc, String wallet, BigInteger block, BigDecimal nativePrice,
			BigInteger feePerGas) {
		this.chain = chain;
		this.rpc = rpc;
		this.wallet = wallet;
		this.block = block;
		this.nativePrice = nativePrice;
		this.feePerGas = feePerGas;
		this.nativeBalance = rpc.balance(wallet, block);
	}

	/** The balances a check may read, for one batch: the native coin's and each configured token's. */
	static void plan(EvmChain chain, String wallet, BigInteger block, EvmRpc.Batch batch) {
		batch.balance(wallet, block);
		for (BalanceProperties.Token token : chain.config().tokens().values()) {
			batch.call(token.address(), FunctionEncoder.encode(balanceOf(wallet)), block);
		}
	}

	/** Pays with the native coin: its value must cover the amount and the transfer's fee. */
	Funds nativeCoin(BigDecimal amount, List<Map<String, Object>> details) {
		BalanceProperties.Chain config = chain.config();
		int decimals = config.nativeDecimals();
		BigDecimal value = FiatMath.toFiat(nativeBalance, decimals, nativePrice);
		Map<String, Object> detail = detail(details, config.nativeSymbol(), "native", decimals, nativeBalance, value);
		if (value.compareTo(amount) < 0) {
			detail.put("note", "worth less than the requested amount");
			return new Funds(config.nativeSymbol(), value, null);
		}
		BigInteger transfer = FiatMath.unitsFor(amount, decimals, nativePrice);
		detail.put("transferAmount", transfer.toString());
		Optional<BigInteger> fee = fee(payee(), transfer, null, detail);
		if (fee.isEmpty()) {
			return new Funds(config.nativeSymbol(), value, null);
		}
		BigDecimal spendable = FiatMath.toFiat(nativeBalance.subtract(fee.get()), decimals, nativePrice);
		detail.put("spendableFiat", FiatMath.plain(spendable));
		return new Funds(config.nativeSymbol(), value, spendable);
	}

	/** Pays with an ERC-20 token: its value must cover the amount, and the native balance the transfer's fee. */
	Funds token(String symbol, BalanceProperties.Token token, BigDecimal amount, List<Map<String, Object>> details) {
		BigInteger units = balanceOf(symbol, token.address());
		BigDecimal value = FiatMath.toFiat(units, token.decimals(), token.fiatPrice());
		Map<String, Object> detail = detail(details, symbol, "erc20", token.decimals(), units, value);
		detail.put("token", token.address());
		detail.put("fiatPrice", FiatMath.plain(token.fiatPrice()));
		if (value.compareTo(amount) < 0) {
			detail.put("note", "worth less than the requested amount");
			return new Funds(symbol, value, null);
		}
		BigInteger transfer = FiatMath.unitsFor(amount, token.decimals(), token.fiatPrice());
		detail.put("transferAmount", transfer.toString());
		String data = FunctionEncoder.encode(new Function("transfer",
				List.of(new Address(payee()), new Uint256(transfer)), List.of()));
		Optional<BigInteger> fee = fee(token.address(), null, data, detail);
		if (fee.isEmpty()) {
			return new Funds(symbol, value, null);
		}
		boolean feeCovered = nativeBalance.compareTo(fee.get()) >= 0;
		detail.put("feeCovered", feeCovered);
		if (!feeCovered) {
			detail.put("note", "the native balance does not cover this transfer's fee");
			return new Funds(symbol, value, null);
		}
		return new Funds(symbol, value, value);
	}

	/** Empty when the transfer would revert: this asset cannot pay, the node is fine. */
	private Optional<BigInteger> fee(String to, @Nullable BigInteger value, @Nullable String data,
			Map<String, Object> detail) {
		BigInteger gas;
		try {
			gas = rpc.estimateGas(wallet, to, value, data);
		}
		catch (RpcFailure failure) {
			if (!failure.reverted()) {
				throw failure;
			}
			detail.put("note", "the transfer would revert: " + failure.getMessage());
			return Optional.empty();
		}
		BigInteger fee = FiatMath.fee(gas, feePerGas);
		detail.put("gasEstimate", gas.toString());
		detail.put("feeWei", fee.toString());
		detail.put("feeFiat", FiatMath.plain(FiatMath.toFiat(fee, chain.config().nativeDecimals(), nativePrice)));
		return Optional.of(fee);
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private BigInteger balanceOf(String symbol, String token) {
		Function balanceOf = balanceOf(wallet);
		String what = "balanceOf() of token " + symbol;
		String data = rpc.call(token, FunctionEncoder.encode(balanceOf), block, what);
		try {
			List<Type> values = FunctionReturnDecoder.decode(data, (List) balanceOf.getOutputParameters());
			return (BigInteger) values.get(0).getValue();
		}
		catch (RuntimeException e) {
			throw new RpcFailure(what + " returned a malformed answer: " + EvmRpc.describe(e));
		}
	}

	private static Function balanceOf(String wallet) {
		return new Function("balanceOf", List.of(new Address(wallet)), List.of(new TypeReference<Uint256>() { }));
	}

	/** Transfers are estimated to the configured payee, or to the wallet itself, which costs an EOA the same gas. */
	private String payee() {
		String payee = chain.config().payee();
		return payee == null ? wallet : payee;
	}

	private static Map<String, Object> detail(List<Map<String, Object>> details, String asset, String type,
			int decimals, BigInteger balance, BigDecimal value) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("asset", asset);
		detail.put("type", type);
		detail.put("decimals", decimals);
		detail.put("balance", balance.toString());
		detail.put("fiatValue", FiatMath.plain(value));
		details.add(detail);
		return detail;
	}
}
