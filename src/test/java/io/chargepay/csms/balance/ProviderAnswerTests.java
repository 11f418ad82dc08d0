package io.chargepay.csms.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.chargepay.csms.balance.ProviderAnswer.Funds;
import org.junit.jupiter.api.Test;

class ProviderAnswerTests {

	private final ProviderAnswer answer = ProviderAnswer.of(List.of(
			new Funds("ETH", new BigDecimal("30"), new BigDecimal("29.5")),
			new Funds("USDC", new BigDecimal("100"), null),
			new Funds("DAI", new BigDecimal("60"), new BigDecimal("60"))), Map.of());

	@Test
	void isSufficientWithTheFirstAssetThatCoversTheNeededAmount() {
		ProviderAnswer.Coverage coverage = answer.coverage(new BigDecimal("29.5"));

		assertThat(coverage.status()).isEqualTo(BalanceStatus.SUFFICIENT);
		assertThat(coverage.decidedBy()).isEqualTo("ETH");
		assertThat(coverage.actualBalance()).isEqualByComparingTo("30");
		assertThat(answer.coverage(new BigDecimal("29.51")).decidedBy()).isEqualTo("DAI");
	}

	@Test
	void isInsufficientWithTheMostValuableAssetAsTheBalanceWhenNoneCovers() {
		ProviderAnswer.Coverage coverage = answer.coverage(new BigDecimal("60.01"));

		assertThat(coverage.status()).isEqualTo(BalanceStatus.INSUFFICIENT);
		assertThat(coverage.actualBalance()).isEqualByComparingTo("100");
		assertThat(coverage.decidedBy()).isNull();
	}

	@Test
	void isAnErrorWhateverTheFundsWhenTheProviderFailed() {
		ProviderAnswer.Coverage coverage = ProviderAnswer.error("eth_getBalance timed out", Map.of())
				.coverage(BigDecimal.ONE);

		assertThat(coverage.status()).isEqualTo(BalanceStatus.ERROR);
		assertThat(coverage.actualBalance()).isNull();
	}
}
