package io.chargepay.csms.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import io.chargepay.csms.support.CsmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sandbox mode (no prod profile, no csms.chains): balances kept in the database, and the history of checks. Checksums
 * are not enforced on sandbox chains, as in the sandbox's configuration, so the spec's example wallet is taken.
 */
@CsmsIntegrationTest
@TestPropertySource(properties = "csms.wallets.enforce-checksum=false")
class SandboxBalanceIntegrationTests {

	static final String DEMO_WALLET = "0x742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c";

	@Autowired
	BalanceService balances;

	final String userId = "user-" + TestChain.newAddress().substring(2, 14);

	@Test
	void fundsTheSpecsDemoWalletSoItsExampleStartsASession() {
		BalanceCheckResult result = balances.check(new BalanceCheckRequest(userId, DEMO_WALLET, "ETHEREUM",
				new BigDecimal("10.0")));
		try {
			assertThat(result.status()).isEqualTo(BalanceStatus.SUFFICIENT);
			assertThat(result.provider()).isEqualTo("sandbox");
			assertThat(result.requestedAmount()).isEqualByComparingTo("10");
			assertThat(balances.isKnownChain("ethereum")).isTrue();
		}
		finally {
			balances.release(result.balanceCheckId());
		}
	}

	@Test
	void checksAgainstTheBalanceAnOperatorSet() {
		String wallet = TestChain.newAddress();
		balances.setSandboxBalance("polygon", wallet, new BigDecimal("25.5"));

		BalanceCheckResult enough = check(wallet, "POLYGON", "25.50");
		BalanceCheckResult tooMuch = check(wallet, "POLYGON", "0.01");
		BalanceCheckResult unfunded = check(TestChain.newAddress(), "POLYGON", "1");

		assertThat(enough.status()).isEqualTo(BalanceStatus.SUFFICIENT);
		assertThat(enough.actualBalance()).isEqualByComparingTo("25.5");
		assertThat(tooMuch.status()).isEqualTo(BalanceStatus.INSUFFICIENT);
		assertThat(unfunded.status()).isEqualTo(BalanceStatus.INSUFFICIENT);
		assertThat(unfunded.actualBalance()).isEqualByComparingTo("0");
		JsonNode metadata = JsonMapper.builder().build().readTree(balances.find(tooMuch.balanceCheckId()).orElseThrow()
				.metadata());
		assertThat(metadata.get("sandboxBalance").asString()).isEqualTo("25.5000");
		assertThat(metadata.get("reservedAmount").asString()).isEqualTo("25.5000");
		assertThat(metadata.get("currency").asString()).isEqualTo("usd");
	}

	@Test
	void listsAUsersChecksNewestFirstPageByPage() {
		String wallet = TestChain.newAddress();
		List<String> ids = List.of(check(wallet, "ETHEREUM", "1").balanceCheckId(),
				check(wallet, "ETHEREUM", "2").balanceCheckId(), check(wallet, "ETHEREUM", "3").balanceCheckId());

		Page<BalanceCheckView> first = balances.history(userId, 0, 2);
		Page<BalanceCheckView> second = balances.history(userId, 1, 2);

		assertThat(first.getTotalElements()).isEqualTo(3);
		List<BalanceCheckView> all = java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
		assertThat(all).extracting(BalanceCheckView::id).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(all).extracting(BalanceCheckView::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(all).allSatisfy(view -> {
			assertThat(view.userId()).isEqualTo(userId);
			assertThat(view.walletAddress()).isEqualTo(wallet);
			assertThat(view.chain()).isEqualTo("ETHEREUM");
			assertThat(view.status()).isEqualTo(BalanceStatus.INSUFFICIENT);
			assertThat(view.provider()).isEqualTo("sandbox");
			assertThat(view.metadata()).contains("\"provider\":\"sandbox\"");
			assertThat(view.updatedAt()).isEqualTo(view.createdAt());
		});
		assertThat(balances.find("no-such-check")).isEmpty();
	}

	@Test
	void refusesMalformedAddressesAndChainNamesWithoutRecordingAnything() {
		assertThatThrownBy(() -> check("0x1234", "ETHEREUM", "1")).isInstanceOf(InvalidWalletAddressException.class);
		assertThatThrownBy(() -> check(TestChain.newAddress(), "", "1")).isInstanceOf(UnknownChainException.class);
		assertThatThrownBy(() -> check(TestChain.newAddress(), "ETHEREUM", "0"))
				.isInstanceOf(IllegalArgumentException.class);

		assertThat(balances.history(userId, 0, 10).getTotalElements()).isZero();
	}

	private BalanceCheckResult check(String wallet, String chain, String amount) {
		return balances.check(new BalanceCheckRequest(userId, wallet, chain, new BigDecimal(amount)));
	}
}
