package io.chargepay.csms.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * When the chain cannot answer the question (stale price, node stopped, silent or talking nonsense, no contract where
 * the configuration says), the check is an ERROR with the reason, and it is recorded like any other.
 */
class EvmNodeFailureIntegrationTests extends EvmTestSupport {

	@Test
	void recordsAnErrorForAPriceOlderThanTheMaximumAge() {
		String wallet = chain.fundedWallet(TestChain.wei("2000"));
		Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
		chain.setPrice(chain.staleableFeed, TestChain.ETH_PRICE, twoHoursAgo);
		try {
			BalanceCheckResult result = check(wallet, EvmTestNodes.STALE_CHAIN, "10");

			assertThat(result.status()).isEqualTo(BalanceStatus.ERROR);
			assertThat(result.actualBalance()).isNull();
			assertThat(result.errorMessage()).startsWith("stale price").contains("csms.balance.max-price-age");
			JsonNode metadata = recorded(result);
			assertThat(metadata.get("price").get("updatedAt").asString())
					.isEqualTo(Instant.ofEpochSecond(twoHoursAgo.getEpochSecond()).toString());
			assertThat(metadata.get("error").asString()).startsWith("stale price");
			assertThat(reservationStatus(result.balanceCheckId())).isEqualTo("NONE");
		}
		finally {
			chain.setPrice(chain.staleableFeed, TestChain.ETH_PRICE, Instant.now());
		}
	}

	@Test
	void recordsAnErrorWhenTheRpcNodeIsStopped() {
		String wallet = TestChain.newAddress();
		nodes.downNode.setBalance(wallet, TestChain.wei("2000"));
		nodes.downNode.close();

		BalanceCheckResult result = check(wallet, EvmTestNodes.DOWN_CHAIN, "10");

		assertThat(result.status()).isEqualTo(BalanceStatus.ERROR);
		assertThat(result.errorMessage()).contains("failed").contains("Connect").doesNotContain("\tat ");
		assertThat(recorded(result).get("error").asString()).isEqualTo(result.errorMessage());
		assertThat(balances.find(result.balanceCheckId())).get()
				.satisfies(view -> assertThat(view.errorMessage()).isEqualTo(result.errorMessage()));
	}

	@Test
	void recordsAnErrorWhenTheRpcNodeDoesNotAnswerInTime() {
		BalanceCheckResult result = check(TestChain.newAddress(), EvmTestNodes.SILENT_CHAIN, "10");

		assertThat(result.status()).isEqualTo(BalanceStatus.ERROR);
		assertThat(result.errorMessage()).isEqualTo("eth_chainId timed out after 2000 ms");
		assertThat(recorded(result).get("chain").asString()).isEqualTo(EvmTestNodes.SILENT_CHAIN);
	}

	@Test
	void recordsAnErrorWhenTheChecksCallsTogetherTakeLongerThanTheDeadline() {
		// Every call answers in 1.2 s, inside the 2 s RPC timeout; the check's round trips together pass the 3 s deadline.
		BalanceCheckResult result = check(chain.fundedWallet(TestChain.wei("2000")), EvmTestNodes.SLOW_CHAIN, "10");

		assertThat(result.status()).isEqualTo(BalanceStatus.ERROR);
		assertThat(result.errorMessage()).isEqualTo("balance check exceeded csms.balance.check-timeout (3000 ms)");
		assertThat(reservationStatus(result.balanceCheckId())).isEqualTo("NONE");
	}

	@Test
	void recordsAnErrorWhenTheNodeAnswersWithMalformedJsonRpc() {
		BalanceCheckResult result = check(TestChain.newAddress(), EvmTestNodes.GARBLED_CHAIN, "10");

		assertThat(result.status()).isEqualTo(BalanceStatus.ERROR);
		assertThat(result.errorMessage()).startsWith("eth_chainId returned a malformed answer");
		assertThat(recorded(result).get("error").asString()).isEqualTo(result.errorMessage());
	}

	@Test
	void recordsAnErrorWhenNoContractAnswersAtThePriceFeedAddress() {
		BalanceCheckResult result = check(chain.fundedWallet(TestChain.wei("2000")), EvmTestNodes.NO_FEED_CHAIN, "10");

		assertThat(result.status()).isEqualTo(BalanceStatus.ERROR);
		assertThat(result.errorMessage()).contains("decimals() of the price feed returned no data")
				.contains(chain.payee);
		assertThat(recorded(result).get("blockNumber").asString()).matches("\\d+");
	}
}
