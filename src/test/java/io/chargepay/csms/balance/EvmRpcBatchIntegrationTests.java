package io.chargepay.csms.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A check's reads at the head block go to the node as one JSON-RPC batch: the price feed's two calls, the priority
 * fee, the native balance and each token's balance. Only the head before it and the gas estimate after it are calls
 * of their own. A node that refuses batches is asked one by one and the check comes to the same answer.
 */
class EvmRpcBatchIntegrationTests extends EvmTestSupport {

	@Test
	void aCheckTakesThreeRoundTripsTheReadsAtTheHeadInOneBatch() {
		String wallet = chain.fundedWallet(TestChain.wei("2000"));
		check(chain.fundedWallet(TestChain.wei("1")), EvmTestNodes.RECORDED_CHAIN, "1"); // verifies the chain id
		nodes.recorded.requests.clear();

		BalanceCheckResult result = check(wallet, EvmTestNodes.RECORDED_CHAIN, "10.00");

		assertThat(result.status()).isEqualTo(BalanceStatus.SUFFICIENT);
		List<String> requests = List.copyOf(nodes.recorded.requests);
		assertThat(requests).hasSize(3);
		assertThat(method(requests.get(0))).isEqualTo("eth_getBlockByNumber");
		JsonNode batch = JSON.readTree(requests.get(1));
		assertThat(batch.isArray()).isTrue();
		assertThat(batch.valueStream().map(call -> call.get("method").asString()).toList())
				.containsExactly("eth_call", "eth_call", "eth_maxPriorityFeePerGas", "eth_getBalance", "eth_call");
		assertThat(method(requests.get(2))).isEqualTo("eth_estimateGas");
	}

	@Test
	void aNodeThatRefusesBatchesGetsTheCallsOneByOneAndTheSameAnswer() {
		String wallet = chain.fundedWallet(TestChain.wei("2000"));
		BalanceCheckResult batched = check(wallet, EvmTestNodes.RECORDED_CHAIN, "10.00");
		nodes.noBatch.requests.clear();

		BalanceCheckResult oneByOne = check(wallet, EvmTestNodes.NO_BATCH_CHAIN, "10.00");

		assertThat(oneByOne.status()).isEqualTo(BalanceStatus.SUFFICIENT);
		assertThat(oneByOne.actualBalance()).isEqualByComparingTo(batched.actualBalance());
		assertThat(nodes.noBatch.requests).as("the refused batch, then each of its reads alone")
				.anySatisfy(request -> assertThat(request).startsWith("["))
				.filteredOn(request -> !request.startsWith("[")).extracting(EvmRpcBatchIntegrationTests::method)
				.contains("eth_maxPriorityFeePerGas", "eth_getBalance", "eth_estimateGas");
		assertThat(recorded(oneByOne).get("assets").get(0).get("balance").asString())
				.isEqualTo(recorded(batched).get("assets").get(0).get("balance").asString());
	}

	private static String method(String request) {
		return JSON.readTree(request).get("method").asString();
	}
}
