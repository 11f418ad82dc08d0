package io.chargepay.csms.ocpp.internal.ws;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Set;

import io.chargepay.csms.ocpp.OcppProperties;
import org.springframework.stereotype.Component;

/** Peers the per-address limits do not apply to (csms.ocpp.limits.exempt-addresses): a proxy in front of us. */
@Component
class ExemptPeers {

	private final Set<InetAddress> exempt = new HashSet<>();

	ExemptPeers(OcppProperties properties) {
		for (String address : properties.limits().exemptAddresses()) {
			if (address.isBlank()) {
				continue; // InetAddress.getByName("") would be the loopback address
			}
			try {
				exempt.add(InetAddress.getByName(address.strip()));
			}
			catch (UnknownHostException unknown) {
				throw new IllegalArgumentException("csms.ocpp.limits.exempt-addresses: cannot resolve " + address, unknown);
			}
		}
	}

	boolean covers(InetAddress peer) {
		return exempt.contains(peer);
	}
}
