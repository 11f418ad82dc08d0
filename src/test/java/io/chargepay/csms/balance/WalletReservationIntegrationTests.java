package io.chargepay.csms.balance;

import static io.chargepay.csms.balance.EvmTestNodes.CHAIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A sufficient check holds its amount on the wallet until released; checks of one wallet never spend it twice. */
class WalletReservationIntegrationTests extends EvmTestSupport {

	@Test
	void countsHeldReservationsAgainstTheBalanceUntilTheyAreReleased() {
		String wallet = chain.fundedWallet(TestChain.wei("15"));

		BalanceCheckResult first = check(wallet, CHAIN, "10");
		BalanceCheckResult second = check(wallet.toUpperCase().replace("0X", "0x"), CHAIN, "10");

		assertThat(first.status()).isEqualTo(BalanceStatus.SUFFICIENT);
		assertThat(second.status()).isEqualTo(BalanceStatus.INSUFFICIENT);
		JsonNode refused = recorded(second);
		assertThat(refused.get("reservedAmount").asString()).isEqualTo("10.0000");
		assertThat(refused.get("neededAmount").asString()).isEqualTo("20.0000");

		balances.release(first.balanceCheckId());
		balances.release(first.balanceCheckId());

		assertThat(reservationStatus(first.balanceCheckId())).isEqualTo("RELEASED");
		BalanceCheckResult third = check(wallet, CHAIN, "10");
		assertThat(third.status()).isEqualTo(BalanceStatus.SUFFICIENT);
		assertThat(recorded(third).get("reservedAmount").asString()).isEqualTo("0.0000");
	}

	@Test
	void releasingAnUnknownCheckChangesNothing() {
		balances.release("no-such-check");

		assertThat(reservationStatus("no-such-check")).isEqualTo("NONE");
	}

	@Test
	void letsOnlyOneOfTwoConcurrentChecksSpendTheSameFunds() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				String wallet = chain.fundedWallet(TestChain.wei("15"));
				CyclicBarrier start = new CyclicBarrier(2);
				List<CompletableFuture<BalanceCheckResult>> checks = List.of(
						CompletableFuture.supplyAsync(() -> checkAfter(start, wallet), threads),
						CompletableFuture.supplyAsync(() -> checkAfter(start, wallet), threads));

				List<BalanceStatus> outcomes = checks.stream().map(CompletableFuture::join)
						.map(BalanceCheckResult::status).toList();

				assertThat(outcomes).containsExactlyInAnyOrder(BalanceStatus.SUFFICIENT, BalanceStatus.INSUFFICIENT);
				assertThat(jdbc.queryForObject("select count(*) from wallet_reservations where wallet_address = ? "
						+ "and status = 'HELD'", Integer.class, wallet)).isOne();
			}
		}
		finally {
			threads.shutdownNow();
			threads.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	private BalanceCheckResult checkAfter(CyclicBarrier start, String wallet) {
		try {
			start.await(10, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		return check(wallet, CHAIN, "10");
	}
}
