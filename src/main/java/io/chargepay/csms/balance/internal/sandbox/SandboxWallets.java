package io.chargepay.csms.balance.internal.sandbox;

import java.math.BigDecimal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Funds the demo wallet of the spec's "Starting a Session with Balance Check" example, so the example works in the
 * sandbox as written. A balance an operator already set (even to zero) is left alone across restarts.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "csms.sandbox.enabled", matchIfMissing = true)
class SandboxWallets implements ApplicationRunner {

	static final String DEMO_CHAIN = "ETHEREUM";
	static final String DEMO_WALLET = "0x742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c";
	static final BigDecimal DEMO_BALANCE = new BigDecimal("1000.00");

	private static final Logger log = LoggerFactory.getLogger(SandboxWallets.class);

	private final SandboxBalanceProvider sandbox;

	SandboxWallets(SandboxBalanceProvider sandbox) {
		this.sandbox = sandbox;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!sandbox.supports(DEMO_CHAIN)) {
			log.info("{} is a configured EVM chain: the sandbox demo wallet is not funded", DEMO_CHAIN);
			return;
		}
		if (!sandbox.isFunded(DEMO_CHAIN, DEMO_WALLET)) {
			sandbox.setBalance(DEMO_CHAIN, DEMO_WALLET, DEMO_BALANCE);
		}
		log.warn("Sandbox balances: wallet {} on {} is the demo wallet (funded with {} at first start)", DEMO_WALLET,
				DEMO_CHAIN, DEMO_BALANCE);
	}
}
