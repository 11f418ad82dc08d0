package io.chargepay.csms.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class BalancePropertiesTests {

	@Test
	void bindsChainsFromEnvironmentVariablesUnderUpperCaseNames() {
		BalanceProperties properties = bind(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
				"CSMS_CHAINS_ETHEREUM_RPCURL", "http://127.0.0.1:8545",
				"CSMS_CHAINS_ETHEREUM_CHAINID", "1",
				"CSMS_CHAINS_ETHEREUM_NATIVESYMBOL", "ETH",
				"CSMS_CHAINS_ETHEREUM_PRICEFEED", "0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419",
				"CSMS_CHAINS_ETHEREUM_TOKENS_USDC_ADDRESS", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
				"CSMS_CHAINS_ETHEREUM_TOKENS_USDC_DECIMALS", "6",
				"CSMS_BALANCE_RPCTIMEOUT", "2s")));

		BalanceProperties.Chain ethereum = properties.chains().get("ETHEREUM");
		assertThat(ethereum.rpcUrl()).isEqualTo("http://127.0.0.1:8545");
		assertThat(ethereum.chainId()).isEqualTo(1);
		assertThat(ethereum.nativeDecimals()).isEqualTo(18);
		assertThat(ethereum.tokens().get("USDC").decimals()).isEqualTo(6);
		assertThat(ethereum.tokens().get("USDC").fiatPrice()).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(properties.balance().rpcTimeout()).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void defaultsToNoChainsAFiveSecondTimeoutAnHourOfPriceAgeAndUsd() {
		BalanceProperties properties = bind(new MapPropertySource("none", Map.of("csms.ocpp.port", "9000")));

		assertThat(properties.chains()).isEmpty();
		assertThat(properties.balance().rpcTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.balance().maxPriceAge()).isEqualTo(Duration.ofHours(1));
		assertThat(properties.payments().currency()).isEqualTo("usd");
	}

	@Test
	void matchesChainNamesWhateverTheirCase() {
		BalanceProperties properties = bind(new MapPropertySource("yaml", Map.of(
				"csms.chains.Polygon.rpc-url", "http://127.0.0.1:8545", "csms.chains.Polygon.chain-id", "137",
				"csms.chains.Polygon.native-symbol", "POL", "csms.chains.Polygon.fiat-price", "0.5")));

		assertThat(properties.chains()).containsOnlyKeys("POLYGON");
		assertThat(properties.chains().get("POLYGON").fiatPrice()).isEqualByComparingTo("0.5");
	}

	private static BalanceProperties bind(org.springframework.core.env.PropertySource<?> source) {
		return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("csms", BalanceProperties.class);
	}
}
