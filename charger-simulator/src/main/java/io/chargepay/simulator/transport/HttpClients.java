package io.chargepay.simulator.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the one {@link HttpClient} all chargers of a process share. Its single selector thread does the socket I/O
 * for every WebSocket; the small executor only runs completions, which our listeners hand straight to a lane.
 */
public final class HttpClients {

	private HttpClients() {
	}

	public static HttpClient create(TlsSettings tls, Executor executor, Duration connectTimeout) {
		return HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.executor(executor)
				.connectTimeout(connectTimeout)
				.sslContext(sslContext(tls))
				.build();
	}

	static SSLContext sslContext(TlsSettings tls) {
		try {
			if (tls.insecure()) {
				SSLContext context = SSLContext.getInstance("TLS");
				context.init(null, new TrustManager[] { new TrustEverything() }, new SecureRandom());
				return context;
			}
			if (tls.truststore() != null) {
				char[] password = tls.truststorePassword() == null ? null : tls.truststorePassword().toCharArray();
				KeyStore store = KeyStore.getInstance(tls.truststore().toFile(), password);
				TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				factory.init(store);
				SSLContext context = SSLContext.getInstance("TLS");
				context.init(null, factory.getTrustManagers(), new SecureRandom());
				return context;
			}
			return SSLContext.getDefault();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read truststore " + tls.truststore(), e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
		}
	}
}
