package io.chargepay.csms.ocpp.internal.ws;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

import io.chargepay.csms.ocpp.OcppProperties;
import io.chargepay.csms.ocpp.internal.FixedWindows;
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

	private final FixedWindows<InetAddress> byAddress;
	private final FixedWindows<String> byIdentity;
	private final int perAddress;
	private final int perIdentity;
	private final ExemptPeers exempt;

	FailedUpgrades(OcppProperties properties, ExemptPeers exempt) {
		OcppProperties.Limits limits = properties.limits();
		this.perAddress = limits.failedUpgradesPerAddress();
		this.perIdentity = limits.failedUpgradesPerIdentity();
		this.exempt = exempt;
		this.byAddress = new FixedWindows<>(limits.failedUpgradeWindow(), TRACKED);
		this.byIdentity = new FixedWindows<>(limits.failedUpgradeWindow(), TRACKED);
	}

	/** How long {@code peer} or {@code identity} must wait before its next try, when either is over its limit. */
	Optional<Duration> retryAfter(InetAddress peer, String identity) {
		Optional<Duration> address = exempt.covers(peer) ? Optional.empty() : byAddress.retryAfter(peer, perAddress);
		return address.or(() -> byIdentity.retryAfter(identity, perIdentity));
	}

	void failed(InetAddress peer, String identity) {
		if (!exempt.covers(peer)) {
			byAddress.count(peer);
		}
		byIdentity.count(identity);
	}
}
