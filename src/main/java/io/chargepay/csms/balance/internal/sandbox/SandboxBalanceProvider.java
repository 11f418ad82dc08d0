package io.chargepay.csms.balance.internal.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chargepay.csms.balance.BalanceProperties;
import io.chargepay.csms.balance.BalanceProvider;
import io.chargepay.csms.balance.ProviderAnswer;
import io.chargepay.csms.balance.internal.WalletKey;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sandbox mode only (the {@code prod} profile off and {@code csms.sandbox.enabled} not false): every chain not configured under {@code csms.chains} has
 * balances kept in the database, in fiat, set by an operator. A wallet nobody funded holds nothing.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty(name = "csms.sandbox.enabled", matchIfMissing = true)
@Order(Ordered.LOWEST_PRECEDENCE)
public class SandboxBalanceProvider implements BalanceProvider {

	public static final String NAME = "sandbox";

	private final SandboxBalanceRepository balances;
	private final BalanceProperties properties;
	private final Clock clock;

	SandboxBalanceProvider(SandboxBalanceRepository balances, BalanceProperties properties, Clock clock) {
		this.balances = balances;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean supports(String chain) {
		return !properties.chains().containsKey(chain);
	}

	@Override
	@Transactional(readOnly = true)
	public ProviderAnswer check(String walletAddress, String chain, BigDecimal requestedAmount,
			BigDecimal reservedAmount) {
		Optional<SandboxBalance> found = balances.findById(WalletKey.of(chain, walletAddress));
		BigDecimal balance = found.map(SandboxBalance::amount).orElse(BigDecimal.ZERO);
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("chain", chain);
		metadata.put("sandboxBalance", balance.toPlainString());
		metadata.put("sandboxBalanceSetAt", found.map(b -> b.updatedAt().toString()).orElse("never"));
		// Sandbox balances are fiat already: one asset, the currency itself, with no fee to pay.
		String asset = properties.payments().currency().toUpperCase(java.util.Locale.ROOT);
		return ProviderAnswer.of(List.of(new ProviderAnswer.Funds(asset, balance, balance)), metadata);
	}

	@Transactional
	public void setBalance(String chain, String walletAddress, BigDecimal amount) {
		WalletKey wallet = WalletKey.of(chain, walletAddress);
		var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		balances.findById(wallet).ifPresentOrElse(existing -> existing.set(amount, now),
				() -> balances.save(new SandboxBalance(wallet, amount, now)));
	}

	@Transactional(readOnly = true)
	public boolean isFunded(String chain, String walletAddress) {
		return balances.existsById(WalletKey.of(chain, walletAddress));
	}
}
