package io.chargepay.csms.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.chargepay.csms.balance.internal.BalanceCheck;
import io.chargepay.csms.balance.internal.BalanceCheckRepository;
import io.chargepay.csms.balance.internal.BalanceMetrics;
import io.chargepay.csms.balance.internal.CheckDeadline;
import io.chargepay.csms.balance.internal.CheckRecorder;
import io.chargepay.csms.balance.internal.PendingCheck;
import io.chargepay.csms.balance.internal.WalletAddressRules;
import io.chargepay.csms.balance.internal.WalletKey;
import io.chargepay.csms.balance.internal.sandbox.SandboxBalanceProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pre-session balance checks. A check reads the chain outside any database transaction, then decides against the
 * wallet's reservations and records the outcome in one short transaction under the wallet's lock (see
 * {@link CheckRecorder}); the row is committed before {@link #check} returns, whatever the outcome.
 */
@Service
public class BalanceService {

	/** DECIMAL(19,4) holds less than 10^15. */
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");
	/** users.id and balance_checks.user_id are VARCHAR(64). */
	private static final int MAX_USER_ID_LENGTH = 64;
	private static final Pattern CHAIN = Pattern.compile("[A-Z0-9_-]{1,32}");

	private final List<BalanceProvider> providers;
	private final WalletAddressRules addresses;
	private final CheckRecorder recorder;
	private final BalanceCheckRepository checks;
	private final @Nullable SandboxBalanceProvider sandbox;
	private final BalanceMetrics metrics;
	private final CheckDeadline deadline;

	BalanceService(List<BalanceProvider> providers, WalletAddressRules addresses, CheckRecorder recorder,
			BalanceCheckRepository checks, ObjectProvider<SandboxBalanceProvider> sandbox,
			BalanceMetrics metrics, CheckDeadline deadline) {
		this.deadline = deadline;
		this.providers = List.copyOf(providers);
		this.addresses = addresses;
		this.recorder = recorder;
		this.checks = checks;
		this.sandbox = sandbox.getIfAvailable();
		this.metrics = metrics;
	}

	/**
	 * Invalid address or unknown chain: throws, and nothing is recorded. Otherwise the provider for the chain answers
	 * and the check is committed as SUFFICIENT (holding a reservation of the requested amount), INSUFFICIENT or ERROR.
	 * The requested amount is rounded up to 4 decimals, as it is stored. A missing or over-long userId or a
	 * non-positive amount is an IllegalArgumentException, also before anything is recorded.
	 */
	public BalanceCheckResult check(BalanceCheckRequest request) {
		if (request.userId() == null || request.userId().isBlank() || request.userId().length() > MAX_USER_ID_LENGTH) {
			throw new IllegalArgumentException("userId is 1 to " + MAX_USER_ID_LENGTH + " characters long");
		}
		String chain = chainName(request.chain());
		BalanceProvider provider = checkableProvider(request.walletAddress(), chain);
		BigDecimal amount = amount(request.requestedAmount());
		BigDecimal reserved = recorder.prepare(WalletKey.of(chain, request.walletAddress()));
		long started = System.nanoTime();
		ProviderAnswer answer = deadline.within(() -> ask(provider, request.walletAddress(), chain, amount, reserved));
		BalanceCheckResult result = recorder.record(PendingCheck.of(request.userId(), request.walletAddress(), chain,
				amount, provider.name()), answer);
		metrics.checked(provider, chain, result.status(), java.time.Duration.ofNanos(System.nanoTime() - started));
		return result;
	}

	/**
	 * Throws what check would throw for this address and chain (malformed address, failed checksum, unknown chain),
	 * without asking any provider: callers validate the request before deciding anything else about the wallet.
	 */
	public void requireCheckable(String walletAddress, String chain) {
		checkableProvider(walletAddress, chainName(chain));
	}

	private BalanceProvider checkableProvider(String walletAddress, String chainName) {
		addresses.requireWellFormed(walletAddress);
		return providerFor(chainName, walletAddress);
	}

	/**
	 * A session took the check: its reservation is held until {@link #release}, no longer expiring after
	 * csms.balance.hold-ttl. Joins the caller's transaction, so it commits with the session.
	 */
	public void keep(String balanceCheckId) {
		recorder.keep(balanceCheckId);
	}

	/** Releases the reservation held by a check (session failed, expired or ended). Idempotent. */
	public void release(String balanceCheckId) {
		recorder.release(balanceCheckId);
	}

	@Transactional(readOnly = true)
	public Optional<BalanceCheckView> find(String balanceCheckId) {
		return checks.findById(balanceCheckId).map(BalanceCheck::view);
	}

	/** Newest first. */
	@Transactional(readOnly = true)
	public Page<BalanceCheckView> history(String userId, int page, int size) {
		Sort newestFirst = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
		return checks.findByUserId(userId, PageRequest.of(page, size, newestFirst)).map(BalanceCheck::view);
	}

	/**
	 * Sandbox mode only: sets the balance (fiat, in csms.payments.currency) of (chain, address). Throws
	 * IllegalStateException in prod mode and IllegalArgumentException for a chain served by the evm provider.
	 */
	public void setSandboxBalance(String chain, String walletAddress, BigDecimal amount) {
		if (sandbox == null) {
			throw new IllegalStateException("sandbox balances exist only in sandbox mode (the prod profile is active)");
		}
		String name = chainName(chain);
		if (!sandbox.supports(name)) {
			throw new IllegalArgumentException(name + " is an EVM chain under csms.chains: its balances are on chain");
		}
		addresses.requireWellFormed(walletAddress);
		if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) >= 0) {
			throw new IllegalArgumentException("a sandbox balance is between 0 and " + MAX_AMOUNT);
		}
		sandbox.setBalance(name, walletAddress, amount.setScale(4, RoundingMode.FLOOR));
	}

	public boolean isKnownChain(String chain) {
		String name = chain.toUpperCase(Locale.ROOT);
		return CHAIN.matcher(name).matches() && providers.stream().anyMatch(p -> p.supports(name));
	}

	/** The first provider that serves the chain; its kind decides whether EIP-55 is enforced. */
	private BalanceProvider providerFor(String chain, String walletAddress) {
		BalanceProvider provider = providers.stream().filter(p -> p.supports(chain)).findFirst()
				.orElseThrow(() -> new UnknownChainException("no balance provider for chain " + chain));
		addresses.requireChecksum(walletAddress, provider == sandbox);
		return provider;
	}

	private static String chainName(@Nullable String chain) {
		String name = chain == null ? "" : chain.toUpperCase(Locale.ROOT);
		if (!CHAIN.matcher(name).matches()) {
			throw new UnknownChainException("a chain is named by 1 to 32 letters, digits, '_' or '-'");
		}
		return name;
	}

	private static BigDecimal amount(@Nullable BigDecimal requested) {
		if (requested == null || requested.signum() <= 0 || requested.compareTo(MAX_AMOUNT) >= 0) {
			throw new IllegalArgumentException("requestedAmount must be positive and below " + MAX_AMOUNT);
		}
		return requested.setScale(4, RoundingMode.CEILING);
	}

	/** A provider that throws despite its contract still leaves an ERROR on record, without the stack trace. */
	private static ProviderAnswer ask(BalanceProvider provider, String wallet, String chain, BigDecimal amount,
			BigDecimal reserved) {
		try {
			return provider.check(wallet, chain, amount, reserved);
		}
		catch (RuntimeException e) {
			String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
			return ProviderAnswer.error(provider.name() + " provider failed: " + message, Map.of());
		}
	}
}
