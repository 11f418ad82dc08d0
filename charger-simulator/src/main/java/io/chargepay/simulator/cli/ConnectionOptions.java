package io.chargepay.simulator.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import io.chargepay.simulator.transport.TlsSettings;
import picocli.CommandLine.Option;

/** Where the CSMS is and how to reach it, shared by every mode. */
public final class ConnectionOptions {

	@Option(names = "--url", defaultValue = "ws://localhost:9000/ocpp",
			description = "CSMS OCPP-J endpoint without the charger id; ws:// or wss:// (default: ${DEFAULT-VALUE})")
	URI url;

	@Option(names = "--insecure", description = "On wss://, trust any certificate and host name (test servers only)")
	boolean insecure;

	@Option(names = "--truststore", paramLabel = "FILE",
			description = "On wss://, trust the certificates in this PKCS12 or JKS file instead of the JDK's CAs")
	Path truststore;

	@Option(names = "--truststore-password", paramLabel = "PASSWORD", description = "Password of --truststore")
	String truststorePassword;

	@Option(names = "--call-timeout", defaultValue = "30s", converter = DurationConverter.class,
			description = "How long each of our CALLs waits for its answer (default: ${DEFAULT-VALUE})")
	Duration callTimeout;

	@Option(names = "--connect-timeout", defaultValue = "10s", converter = DurationConverter.class,
			description = "How long the WebSocket handshake may take (default: ${DEFAULT-VALUE})")
	Duration connectTimeout;

	public URI url() {
		return url;
	}

	public TlsSettings tls() {
		return new TlsSettings(insecure, truststore, truststorePassword);
	}

	public Duration callTimeout() {
		return callTimeout;
	}

	public Duration connectTimeout() {
		return connectTimeout;
	}
}
