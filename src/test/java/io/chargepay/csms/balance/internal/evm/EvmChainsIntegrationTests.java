package io.chargepay.csms.balance.internal.evm;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargepay.csms.balance.BalanceProperties;
import io.chargepay.csms.support.Anvil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Start-up verification of csms.chains against a real node: the chain id must match, an absent node only warns. */
class EvmChainsIntegrationTests {

	static Anvil anvil;

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(BalanceProperties.class)
	@Import(EvmChains.class)
	static class Chains {
	}

	private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Chains.class)
			.withPropertyValues("csms.chains.mainnet.native-symbol=ETH", "csms.chains.mainnet.fiat-price=2000");

	@BeforeAll
	static void startNode() {
		anvil = Anvil.start();
	}

	@AfterAll
	static void stopNode() {
		anvil.close();
	}

	@Test
	void failsStartUpWhenTheNodeServesAnotherChainId() {
		context.withPropertyValues("csms.chains.mainnet.rpc-url=" + anvil.rpcUrl(), "csms.chains.mainnet.chain-id=1")
				.run(started -> assertThat(started).hasFailed().getFailure().rootCause()
						.hasMessageContaining("csms.chains.MAINNET.chain-id is 1")
						.hasMessageContaining("answers eth_chainId 31337"));
	}

	@Test
	void startsWhenTheNodeServesTheConfiguredChainId() {
		context.withPropertyValues("csms.chains.mainnet.rpc-url=" + anvil.rpcUrl(), "csms.chains.mainnet.chain-id=31337")
				.run(started -> {
					assertThat(started).hasNotFailed();
					assertThat(started.getBean(EvmChains.class).contains("MAINNET")).isTrue();
				});
	}

	@Test
	void startsWhenTheNodeDoesNotAnswerYet() {
		context.withPropertyValues("csms.chains.mainnet.rpc-url=http://127.0.0.1:1", "csms.chains.mainnet.chain-id=1",
				"csms.balance.rpc-timeout=500ms").run(started -> assertThat(started).hasNotFailed());
	}

	@Test
	void failsStartUpNamingThePropertyWhenAChainHasNoPrice() {
		new ApplicationContextRunner().withUserConfiguration(Chains.class)
				.withPropertyValues("csms.chains.mainnet.native-symbol=ETH", "csms.chains.mainnet.chain-id=31337",
						"csms.chains.mainnet.rpc-url=" + anvil.rpcUrl())
				.run(started -> assertThat(started).hasFailed().getFailure()
						.hasStackTraceContaining("set exactly one of price-feed or fiat-price"));
	}
}
