package io.chargepay.csms.ocpp.internal.ws;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chargepay.csms.ocpp.OcppProperties;
import org.springframework.stereotype.Component;

/**
 * Refused credentials per peer address and per charger identity, in fixed windows of
 * csms.ocpp.limits.failed-upgrade-window from the first failure. Past the limit, upgrades are refused with 429 until
 * the window ends, before the key check: a guesser neither learns anything nor costs us a PBKDF2 check each try.
 * Memory is bounded: at most {@link #TRACKED} addresses and identities each, the oldest forgotten first.
 */
@Component
class FailedUpgrades {

	static final int TRACKED = 100_000;

	private record Window(long startedNanos, AtomicInteger failures) {
	}

	private final Cache<InetAddress, Window> byAddress;
	private final Cache<String, Window> byIdentity;
	private final int perAddress;
	private final int perIdentity;
	private final Duration window;
	private final ExemptPeers exempt;

	FailedUpgrades(OcppProperties properties, ExemptPeers exempt) {
		OcppProperties.Limits limits = properties.limits();
		this.window = limits.failedUpgradeWindow();
		this.perAddress = limits.failedUpgradesPerAddress();
		this.perIdentity = limits.failedUpgradesPerIdentity();
		this.exempt = exempt;
		this.byAddress = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(TRACKED).build();
		this.byIdentity = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(TRACKED).build();
	}

	/** How long {@code peer} or {@code identity} must wait before its next try, when either is over its limit. */
	Optional<Duration> retryAfter(InetAddress peer, String identity) {
		long now = System.nanoTime();
		Optional<Duration> address = exempt.covers(peer) ? Optional.empty()
				: remaining(byAddress.getIfPresent(peer), perAddress, now);
		return address.or(() -> remaining(byIdentity.getIfPresent(identity), perIdentity, now));
	}

	void failed(InetAddress peer, String identity) {
		long now = System.nanoTime();
		if (!exempt.covers(peer)) {
			byAddress.get(peer, address -> new Window(now, new AtomicInteger())).failures().incrementAndGet();
		}
		byIdentity.get(identity, id -> new Window(now, new AtomicInteger())).failures().incrementAndGet();
	}

	private Optional<Duration> remaining(Window failures, int limit, long now) {
		if (failures == null || failures.failures().get() < limit) {
			return Optional.empty();
		}
		Duration left = window.minusNanos(now - failures.startedNanos());
		return left.isNegative() ? Optional.empty() : Optional.of(left);
	}
}
