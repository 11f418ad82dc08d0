package io.chargepay.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.chargepay.simulator.charger.ChargePoint;
import io.chargepay.simulator.support.CsmsTestPeer;
import io.chargepay.simulator.support.Simulators;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Security profile 2 in miniature: Basic auth over wss:// to a peer with a throw-away certificate for localhost. */
@Timeout(60)
class TlsConnectionTests {

	private static final String STORE_PASSWORD = "changeit";

	@TempDir
	static Path keys;

	private static CsmsTestPeer peer;

	@BeforeAll
	static void startTlsPeer() throws Exception {
		keytool("-genkeypair", "-alias", "peer", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
				"-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", keys.resolve("server.p12").toString(),
				"-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
		keytool("-exportcert", "-alias", "peer", "-keystore", keys.resolve("server.p12").toString(), "-storepass",
				STORE_PASSWORD, "-file", keys.resolve("server.cer").toString());
		keytool("-importcert", "-noprompt", "-alias", "peer", "-file", keys.resolve("server.cer").toString(),
				"-keystore", keys.resolve("trust.p12").toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
		peer = CsmsTestPeer.startTls(60, serverContext(keys.resolve("server.p12")));
	}

	@AfterAll
	static void stopPeer() throws Exception {
		peer.close();
	}

	@Test
	void connectsWhenTheTruststoreHoldsTheCsmsCertificate() throws Exception {
		TlsSettings tls = new TlsSettings(false, keys.resolve("trust.p12"), STORE_PASSWORD);
		try (Simulators simulators = new Simulators(tls)) {
			ChargePoint charger = simulators.charger(Simulators.settings(peer.tlsUrl("localhost"), "TLS-1",
					"a-sixteen-char-key"));

			assertThat(charger.start().get(10, TimeUnit.SECONDS).path("status").asString()).isEqualTo("Accepted");
		}
		assertThat(peer.handshakes()).anySatisfy(handshake -> {
			assertThat(handshake.chargerId()).isEqualTo("TLS-1");
			assertThat(handshake.authorization()).startsWith("Basic ");
		});
	}

	@Test
	void insecureTrustsAnyCertificateEvenForAnotherHostName() throws Exception {
		try (Simulators simulators = new Simulators(new TlsSettings(true, null, null))) {
			ChargePoint charger = simulators.charger(Simulators.settings(peer.tlsUrl("127.0.0.1"), "TLS-2", null));

			assertThat(charger.start().get(10, TimeUnit.SECONDS).path("status").asString()).isEqualTo("Accepted");
		}
	}

	@Test
	void refusesAnUnknownCertificateByDefault() throws Exception {
		try (Simulators simulators = new Simulators()) {
			ChargePoint charger = simulators.charger(Simulators.settings(peer.tlsUrl("localhost"), "TLS-3", null));
			charger.start();

			assertThat(simulators.recorder().firstConnectFailure().get(10, TimeUnit.SECONDS)).isNotBlank();
			assertThat(simulators.recorder().events()).noneMatch(event -> event.equals("TLS-3 connected"));
		}
	}

	private static SSLContext serverContext(Path keystore) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			store.load(in, STORE_PASSWORD.toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(store, STORE_PASSWORD.toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), null, null);
		return context;
	}

	private static void keytool(String... arguments) throws Exception {
		List<String> command = new java.util.ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("keytool finished").isTrue();
		assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
	}
}
