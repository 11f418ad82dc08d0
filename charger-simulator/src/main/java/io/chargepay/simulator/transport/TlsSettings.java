package io.chargepay.simulator.transport;

import java.nio.file.Path;

/**
 * How to trust the CSMS's certificate on {@code wss://} (security profile 2 is profile 1 over TLS). {@code insecure}
 * trusts any certificate and any host name, for test servers only; otherwise a truststore, or the JDK's default CAs.
 */
public record TlsSettings(boolean insecure, Path truststore, String truststorePassword) {

	public static TlsSettings defaults() {
		return new TlsSettings(false, null, null);
	}
}
