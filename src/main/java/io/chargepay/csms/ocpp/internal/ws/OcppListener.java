package io.chargepay.csms.ocpp.internal.ws;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.chargepay.csms.ocpp.OcppProperties;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.server.CustomSSLWebSocketServerFactory;
import org.java_websocket.server.DefaultWebSocketServerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/** Starts the OCPP-J listener with the application and stops it first on shutdown. */
@Component
class OcppListener implements SmartLifecycle {

	private static final String[] TLS_PROTOCOLS = { "TLSv1.3", "TLSv1.2" };

	private final OcppProperties properties;
	private final OcppEndpoint endpoint;
	private final ConfigurableEnvironment environment;
	private final AddressConnections connections;
	private final UpgradeDeadline deadline;
	private final Admissions admissions;
	private @Nullable OcppWebSocketServer server;

	OcppListener(OcppProperties properties, OcppEndpoint endpoint, ConfigurableEnvironment environment,
			AddressConnections connections, UpgradeDeadline deadline, Admissions admissions) {
		this.admissions = admissions;
		this.properties = properties;
		this.endpoint = endpoint;
		this.environment = environment;
		this.connections = connections;
		this.deadline = deadline;
	}

	@Override
	public synchronized void start() {
		OcppWebSocketServer started = new OcppWebSocketServer(
				new InetSocketAddress(properties.host(), properties.port()),
				properties.effectiveDecoderThreads(), properties.maxFrameBytes(), properties.staleHandshake(),
				admissions.retryAfter(), endpoint, new ConnectionFactory(socketFactory(), connections, deadline,
						properties.limits().maxUpgradeRequestBytes(), admissions));
		started.start();
		started.awaitListening();
		this.server = started;
		// As Spring Boot does with local.server.port: the bound port, for csms.ocpp.port=0 (tests).
		environment.getPropertySources().addFirst(new MapPropertySource("local.ocpp",
				Map.of("local.ocpp.port", started.getPort())));
	}

	@Override
	public synchronized void stop() {
		if (server != null) {
			try {
				server.stop(2000, "Central system shutting down");
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
			server = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return server != null;
	}

	/** The port actually bound (the configured one, or the one the system chose for port 0). */
	public synchronized int port() {
		return server == null ? -1 : server.getPort();
	}

	private WebSocketServerFactory socketFactory() {
		OcppProperties.Tls tls = properties.tls();
		if (tls == null) {
			return new DefaultWebSocketServerFactory();
		}
		try (InputStream in = Files.newInputStream(Path.of(tls.keyStore()))) {
			KeyStore keyStore = KeyStore.getInstance(tls.keyStoreType());
			keyStore.load(in, tls.keyStorePassword().toCharArray());
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(keyStore, tls.keyStorePassword().toCharArray());
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), null, null);
			return new CustomSSLWebSocketServerFactory(context, TLS_PROTOCOLS, null);
		}
		catch (IOException | GeneralSecurityException failure) {
			throw new IllegalStateException("Cannot load csms.ocpp.tls.key-store " + tls.keyStore(), failure);
		}
	}
}
