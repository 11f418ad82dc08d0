package io.chargepay.csms.balance.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.chargepay.csms.balance.BalanceProperties;
import io.chargepay.csms.balance.BalanceProvider;
import io.chargepay.csms.balance.BalanceStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Balance checks as operators count them: by provider, chain and outcome, with their latency, and the chains' RPC
 * errors by kind. Every label set the configuration can produce exists from start-up, so a fresh system's dashboard
 * panels read 0 rather than "No data"; the chain label is "sandbox" for sandbox balances, so it stays bounded.
 */
@Component
public class BalanceMetrics {

	/** The kinds EvmRpc counts its failures under. */
	static final List<String> RPC_ERROR_KINDS = List.of("timeout", "malformed", "connection", "rpc_error");

	private final MeterRegistry meters;

	BalanceMetrics(MeterRegistry meters, List<BalanceProvider> providers, BalanceProperties properties) {
		this.meters = meters;
		for (BalanceProvider provider : providers) {
			List<String> chains = isSandbox(provider) ? List.of("sandbox")
					: properties.chains().keySet().stream().filter(provider::supports).toList();
			for (String chain : chains) {
				for (BalanceStatus status : BalanceStatus.values()) {
					timer(provider, chain, status);
				}
			}
		}
		RPC_ERROR_KINDS.forEach(kind -> meters.counter("csms.balance.rpc.errors", "kind", kind));
	}

	public void checked(BalanceProvider provider, String chain, BalanceStatus status, Duration latency) {
		timer(provider, isSandbox(provider) ? "sandbox" : chain, status).record(latency);
	}

	private Timer timer(BalanceProvider provider, String chain, BalanceStatus status) {
		return Timer.builder("csms.balance.checks").tag("provider", provider.name()).tag("chain", chain)
				.tag("status", status.name().toLowerCase(Locale.ROOT)).publishPercentileHistogram()
				.description("Balance checks by provider, chain and outcome, with their latency").register(meters);
	}

	private static boolean isSandbox(BalanceProvider provider) {
		return "sandbox".equals(provider.name());
	}
}
