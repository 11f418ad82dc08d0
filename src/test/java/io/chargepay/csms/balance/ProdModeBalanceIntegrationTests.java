package io.chargepay.csms.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import io.chargepay.csms.support.CsmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/** Production mode: no sandbox provider, so a chain not under csms.chains is unknown. */
@CsmsIntegrationTest
@ActiveProfiles("prod")
// Production refuses sandbox payments: a Stripe key (never used here) lets the context start.
@org.springframework.test.context.TestPropertySource(properties = { "csms.payments.stripe.api-key=sk_test_unused",
		"csms.payments.stripe.webhook-secret=whsec_unused", "csms.payments.stripe.allow-test-keys=true",
		"csms.ocpp.behind-tls-proxy=true" })
class ProdModeBalanceIntegrationTests {

	@Autowired
	BalanceService balances;

	@Test
	void refusesAChainThatIsNotConfiguredAndRecordsNothing() {
		String userId = "user-" + TestChain.newAddress().substring(2, 14);

		assertThatThrownBy(() -> balances.check(new BalanceCheckRequest(userId, TestChain.newAddress(), "ETHEREUM",
				BigDecimal.TEN))).isInstanceOf(UnknownChainException.class);

		assertThat(balances.isKnownChain("ETHEREUM")).isFalse();
		assertThat(balances.history(userId, 0, 10).getTotalElements()).isZero();
	}

	@Test
	void hasNoSandboxBalances() {
		assertThatThrownBy(() -> balances.setSandboxBalance("ETHEREUM", TestChain.newAddress(), BigDecimal.ONE))
				.isInstanceOf(IllegalStateException.class);
	}
}
