package io.chargepay.csms.balance.internal.evm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chargepay.csms.balance.BalanceProperties;
import io.chargepay.csms.balance.BalanceProvider;
import io.chargepay.csms.balance.ProviderAnswer;
import io.chargepay.csms.balance.ProviderAnswer.Funds;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Balances on the EVM chains under {@code csms.chains}, read at the latest block. The native coin is looked at first,
 * then each configured token in configuration order, stopping at the first that covers the requested amount plus the
 * wallet's reservations; the check is sufficient when any one asset covers it on its own (a session is paid with one
 * transfer). Reservations are in fiat per wallet, whichever asset they were granted on.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvmBalanceProvider implements BalanceProvider {

	static final String NAME = "evm";

	private final EvmChains chains;
	private final PriceReader prices;

	EvmBalanceProvider(EvmChains chains, BalanceProperties properties, Clock clock) {
		this.chains = chains;
		this.prices = new PriceReader(clock, properties.balance().maxPriceAge());
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean supports(String chain) {
		return chains.contains(chain);
	}

	@Override
	public ProviderAnswer check(String walletAddress, String chainName, BigDecimal requestedAmount,
			BigDecimal reservedAmount) {
		EvmChain chain = chains.get(chainName).orElseThrow(() -> new IllegalArgumentException("not an EVM chain"));
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("chain", chainName);
		metadata.put("chainId", chain.config().chainId());
		try {
			chain.verify();
			EvmRpc.Head head = chain.rpc().latestBlock();
			metadata.put("blockNumber", head.number().toString());
			EvmRpc rpc = readsAt(chain, walletAddress, head);
			Map<String, Object> priceMetadata = new LinkedHashMap<>();
			metadata.put("price", priceMetadata);
			BigDecimal price = prices.nativePrice(chainName, chain.config(), rpc, head.number(), priceMetadata);
			BigInteger feePerGas = feePerGas(rpc, head, metadata);
			List<Map<String, Object>> details = new ArrayList<>();
			metadata.put("assets", details);
			WalletAssets assets = new WalletAssets(chain, rpc, walletAddress, head.number(), price, feePerGas);
			List<Funds> funds = new ArrayList<>(List.of(assets.nativeCoin(requestedAmount, details)));
			BigDecimal needed = requestedAmount.add(reservedAmount);
			for (Map.Entry<String, BalanceProperties.Token> token : chain.config().tokens().entrySet()) {
				if (funds.stream().anyMatch(f -> f.covers(needed))) {
					break;
				}
				funds.add(assets.token(token.getKey(), token.getValue(), requestedAmount, details));
			}
			return ProviderAnswer.of(funds, metadata);
		}
		catch (RpcFailure | EvmChain.ChainIdMismatchException e) {
			return ProviderAnswer.error(e.getMessage(), metadata);
		}
	}

	/**
	 * Everything the check reads at the head that does not depend on another answer (the price feed, the fee, every
	 * balance) in one batch; only the transfers' gas estimates, which need the amounts, go out after it.
	 */
	private EvmRpc readsAt(EvmChain chain, String walletAddress, EvmRpc.Head head) {
		EvmRpc.Batch batch = chain.rpc().batch();
		prices.plan(chain.config(), head.number(), batch);
		if (head.baseFeePerGas() != null) {
			batch.maxPriorityFeePerGas();
		}
		else {
			batch.gasPrice();
		}
		WalletAssets.plan(chain, walletAddress, head.number(), batch);
		return batch.send();
	}

	/** Base fee of the latest block plus the node's suggested tip; a chain without EIP-1559 uses eth_gasPrice. */
	private static BigInteger feePerGas(EvmRpc rpc, EvmRpc.Head head, Map<String, Object> metadata) {
		Map<String, Object> fee = new LinkedHashMap<>();
		metadata.put("feePerGas", fee);
		BigInteger perGas;
		if (head.baseFeePerGas() != null) {
			BigInteger tip = rpc.maxPriorityFeePerGas();
			fee.put("baseFeeWei", head.baseFeePerGas().toString());
			fee.put("priorityFeeWei", tip.toString());
			perGas = head.baseFeePerGas().add(tip);
		}
		else {
			perGas = rpc.gasPrice();
			fee.put("gasPriceWei", perGas.toString());
		}
		fee.put("wei", perGas.toString());
		return perGas;
	}
}
