package io.chargepay.csms.balance;

import static io.chargepay.csms.balance.EvmTestNodes.CHAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Balance checks against a real Ethereum node (anvil), each outcome checked in the balance_checks table. */
class EvmBalanceCheckIntegrationTests extends EvmTestSupport {

	@Test
	void isSufficientWhenTheNativeCoinCoversTheAmountAndTheFee() {
		String wallet = chain.fundedWallet(TestChain.wei("2000"));

		BalanceCheckResult result = check(wallet, CHAIN, "10.00");

		assertThat(result.status()).isEqualTo(BalanceStatus.SUFFICIENT);
		assertThat(result.provider()).isEqualTo("evm");
		assertThat(result.actualBalance()).isEqualByComparingTo("2000");
		JsonNode metadata = recorded(result);
		assertThat(metadata.get("currency").asString()).isEqualTo("usd");
		assertThat(metadata.get("blockNumber").asString()).matches("\\d+");
		assertThat(metadata.get("price").get("value").asString()).isEqualTo("2000");
		assertThat(Instant.parse(metadata.get("price").get("updatedAt").asString())).isBefore(Instant.now().plusSeconds(1));
		JsonNode eth = metadata.get("assets").get(0);
		assertThat(eth.get("asset").asString()).isEqualTo("ETH");
		assertThat(eth.get("balance").asString()).isEqualTo(TestChain.wei("2000").toString());
		assertThat(eth.get("transferAmount").asString()).isEqualTo(TestChain.wei("10").toString());
		assertThat(eth.get("gasEstimate").asString()).isEqualTo("21000");
		assertThat(new BigInteger(eth.get("feeWei").asString())).isPositive();
		assertThat(metadata.get("decidedBy").asString()).isEqualTo("ETH");
		assertThat(metadata.get("reservation").get("amount").asString()).isEqualTo("10.0000");
		assertThat(reservationStatus(result.balanceCheckId())).isEqualTo("HELD");
	}

	@Test
	void isInsufficientWhenNoAssetCoversTheAmount() {
		String wallet = chain.fundedWallet(TestChain.wei("2"));

		BalanceCheckResult result = check(wallet, CHAIN, "10");

		assertThat(result.status()).isEqualTo(BalanceStatus.INSUFFICIENT);
		assertThat(result.actualBalance()).isEqualByComparingTo("2");
		JsonNode metadata = recorded(result);
		assertThat(metadata.get("assets")).hasSize(2);
		assertThat(metadata.get("assets").get(1).get("asset").asString()).isEqualTo("TUSD");
		assertThat(metadata.get("assets").get(1).get("balance").asString()).isEqualTo("0");
		assertThat(reservationStatus(result.balanceCheckId())).isEqualTo("NONE");
	}

	@Test
	void isSufficientWhenTheBalanceIsExactlyTheAmountPlusTheFee() {
		String wallet = TestChain.newAddress();
		BigInteger fee = chain.nativeTransferFee(wallet, TestChain.wei("10"));
		chain.anvil.setBalance(wallet, TestChain.wei("10").add(fee));

		BalanceCheckResult result = check(wallet, CHAIN, "10");

		assertThat(result.status()).isEqualTo(BalanceStatus.SUFFICIENT);
		JsonNode eth = recorded(result).get("assets").get(0);
		assertThat(eth.get("feeWei").asString()).isEqualTo(fee.toString());
		assertThat(eth.get("spendableFiat").asString()).isEqualTo("10");
	}

	@Test
	void isInsufficientWhenTheBalanceCoversTheAmountButNotTheGas() {
		String wallet = TestChain.newAddress();
		BigInteger fee = chain.nativeTransferFee(wallet, TestChain.wei("10"));
		chain.anvil.setBalance(wallet, TestChain.wei("10").add(fee).subtract(BigInteger.ONE));

		BalanceCheckResult result = check(wallet, CHAIN, "10");

		assertThat(result.status()).isEqualTo(BalanceStatus.INSUFFICIENT);
		assertThat(result.actualBalance()).isGreaterThanOrEqualTo(new BigDecimal("10"));
		JsonNode eth = recorded(result).get("assets").get(0);
		assertThat(eth.get("feeWei").asString()).isEqualTo(fee.toString());
		assertThat(new BigDecimal(eth.get("spendableFiat").asString())).isLessThan(new BigDecimal("10"));
	}

	@Test
	void isSufficientWithATokenBalanceWhenTheNativeCoinPaysTheGas() {
		String wallet = chain.fundedWallet(TestChain.wei("2"));
		chain.mintTokens(wallet, TestChain.tokenUnits("50"));

		BalanceCheckResult result = check(wallet, "testchain", "10");

		assertThat(result.status()).isEqualTo(BalanceStatus.SUFFICIENT);
		assertThat(result.actualBalance()).isEqualByComparingTo("50");
		JsonNode metadata = recorded(result);
		assertThat(metadata.get("decidedBy").asString()).isEqualTo("TUSD");
		JsonNode token = metadata.get("assets").get(1);
		assertThat(token.get("token").asString()).isEqualToIgnoringCase(chain.token);
		assertThat(token.get("balance").asString()).isEqualTo("50000000");
		assertThat(token.get("transferAmount").asString()).isEqualTo("10000000");
		assertThat(Long.parseLong(token.get("gasEstimate").asString())).isGreaterThan(21000);
		assertThat(token.get("feeCovered").asBoolean()).isTrue();
	}

	@Test
	void isInsufficientWithATokenBalanceButNoNativeCoinForTheGas() {
		String wallet = TestChain.newAddress();
		chain.mintTokens(wallet, TestChain.tokenUnits("50"));

		BalanceCheckResult result = check(wallet, CHAIN, "10");

		assertThat(result.status()).isEqualTo(BalanceStatus.INSUFFICIENT);
		assertThat(result.actualBalance()).isEqualByComparingTo("50");
		JsonNode token = recorded(result).get("assets").get(1);
		assertThat(token.get("feeCovered").asBoolean()).isFalse();
	}

	@Test
	void refusesMalformedOrMischecksummedAddressesAndUnknownChainsWithoutRecordingAnything() {
		String checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
		String mischecksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";

		assertThatThrownBy(() -> check("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", CHAIN, "10"))
				.isInstanceOf(InvalidWalletAddressException.class);
		assertThatThrownBy(() -> check("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", CHAIN, "10"))
				.isInstanceOf(InvalidWalletAddressException.class);
		assertThatThrownBy(() -> check(mischecksummed, CHAIN, "10"))
				.isInstanceOf(InvalidWalletAddressException.class).hasMessageContaining(checksummed);
		assertThatThrownBy(() -> check(checksummed, "no such chain!", "10"))
				.isInstanceOf(UnknownChainException.class);
		assertThat(checksOfUser()).isZero();
		assertThat(check(checksummed, CHAIN, "10").status()).isNotEqualTo(BalanceStatus.ERROR);
		assertThat(checksOfUser()).isOne();
	}
}
