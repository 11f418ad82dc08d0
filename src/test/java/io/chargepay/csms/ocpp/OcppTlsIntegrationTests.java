package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.UpgradeProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Security profile 2: Basic auth over TLS 1.2+, on when csms.ocpp.tls.key-store is configured. */
@CsmsIntegrationTest
class OcppTlsIntegrationTests {

	private static final String STORE_PASSWORD = "test-store-password";
	private static final Path KEY_STORE = Path.of("target", "test-tls", "ocpp-server.p12");

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;

	@DynamicPropertySource
	static void tls(DynamicPropertyRegistry registry) throws Exception {
		createSelfSignedKeyStore();
		registry.add("csms.ocpp.tls.key-store", () -> KEY_STORE.toAbsolutePath().toString());
		registry.add("csms.ocpp.tls.key-store-password", () -> STORE_PASSWORD);
	}

	@Test
	void acceptsAnAuthenticatedChargerOverTls12OrNewer() throws Exception {
		String chargerId = new Fleet(chargers, identity, balance).newCharger();

		try (TestCharger charger = TestCharger.connectTls(port, chargerId, Fleet.CHARGER_KEY, trustingOurCertificate())) {
			assertThat(charger.result("Heartbeat", Map.of()).has("currentTime")).isTrue();
			assertThat(charger.tlsSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
		}
	}

	@Test
	void answersWrongCredentialsOverTlsWith401() throws Exception {
		String chargerId = new Fleet(chargers, identity, balance).newCharger();

		UpgradeProbe.Response response = UpgradeProbe.upgrade(trustingOurCertificate().getSocketFactory(), port,
				"/ocpp/" + chargerId, "ocpp1.6", UpgradeProbe.basic(chargerId, "wrong-password-for-tls"));

		assertThat(response.status()).isEqualTo(401);
	}

	private static void createSelfSignedKeyStore() throws IOException, InterruptedException {
		if (Files.exists(KEY_STORE)) {
			return;
		}
		Files.createDirectories(KEY_STORE.getParent());
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "ocpp", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
				"-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", KEY_STORE.toString(),
				"-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD).inheritIO().start();
		if (keytool.waitFor() != 0) {
			throw new IllegalStateException("keytool failed");
		}
	}

	private static SSLContext trustingOurCertificate() throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(KEY_STORE)) {
			keyStore.load(in, STORE_PASSWORD.toCharArray());
		}
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("ocpp", (X509Certificate) keyStore.getCertificate("ocpp"));
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}
}
