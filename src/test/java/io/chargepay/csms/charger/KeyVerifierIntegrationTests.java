package io.chargepay.csms.charger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;

import io.chargepay.csms.CsmsApplication;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.TestDatabase;
import io.chargepay.csms.support.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A chosen key's verifier is stored when the operator registers or changes it, and admits the charger from its first
 * upgrade on, on a node started later too; it is worthless without the secret, which is never stored. A verifier made
 * under another secret costs one PBKDF2 check and is replaced.
 */
@CsmsIntegrationTest
@TestPropertySource(properties = "csms.chargers.key-verifier-secret=" + KeyVerifierIntegrationTests.SECRET)
class KeyVerifierIntegrationTests {

	static final String SECRET = "key-verifier-secret-for-tests-0123456789";
	private static final String KEY = "installer-typed-key-0001";

	@Value("${local.ocpp.port}")
	int ocppPort;
	@Autowired
	ChargerService chargers;
	@Autowired
	JdbcTemplate jdbc;
	@Autowired
	MeterRegistry meters;
	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	@Test
	void aNodeStartedAfterTheFirstAdmissionAdmitsTheChosenKeyWithoutPbkdf2() {
		assumeTrue(TestDatabase.isServerDatabase(), "needs a database server both nodes share");
		String chargerId = registered();
		connect(ocppPort, chargerId, KEY);
		assertThat(verifier(chargerId)).as("stored, and not the key").isNotBlank().doesNotContain(KEY);

		try (ConfigurableApplicationContext restarted = startAnotherNode()) {
			int port = Integer.parseInt(restarted.getEnvironment().getProperty("local.ocpp.port"));
			connect(port, chargerId, KEY);

			assertThat(restarted.getBean(MeterRegistry.class).counter("csms.charger.key.slow.checks").count())
					.as("the restarted node checked no key with PBKDF2").isZero();
		}
	}

	@Test
	void aVerifierMadeUnderAnotherSecretIsIgnoredAndReplaced() {
		String chargerId = registered();
		transaction.executeWithoutResult(status -> jdbc.update(
				"UPDATE chargers SET key_verifier = 'deadbeef:00' WHERE id = ?", chargerId));
		double before = slowChecks();

		connect(ocppPort, chargerId, KEY);

		assertThat(slowChecks()).isEqualTo(before + 1);
		assertThat(verifier(chargerId)).doesNotStartWith("deadbeef:");
	}

	@Test
	void aChargerRegisteredWithAChosenKeyIsAdmittedAtItsFirstUpgradeWithoutPbkdf2() {
		String chargerId = registered();
		assertThat(verifier(chargerId)).as("made at registration, from the key the operator gave").isNotBlank();
		double before = slowChecks();

		connect(ocppPort, chargerId, KEY);

		assertThat(slowChecks()).isEqualTo(before);
	}

	@Test
	void aWrongKeyIsRefusedAndAChangedKeyReplacesTheVerifier() {
		String chargerId = registered();
		connect(ocppPort, chargerId, KEY);
		String first = verifier(chargerId);

		assertThat(TestCharger.open(ocppPort, chargerId, "not-the-installers-key-01").isOpen()).isFalse();
		chargers.changeAuthorizationKey(chargerId, "a-new-installer-key-0002");
		assertThat(verifier(chargerId)).isNotBlank().isNotEqualTo(first);
		assertThat(TestCharger.open(ocppPort, chargerId, KEY).isOpen()).as("the old key").isFalse();
		double before = slowChecks();
		connect(ocppPort, chargerId, "a-new-installer-key-0002");
		assertThat(slowChecks()).as("the new key admitted by its verifier").isEqualTo(before);
	}

	private String registered() {
		String chargerId = "KV-" + UUID.randomUUID().toString().substring(0, 8);
		chargers.register(chargerId, KEY);
		return chargerId;
	}

	private static void connect(int port, String chargerId, String key) {
		try (TestCharger charger = TestCharger.connect(port, chargerId, key)) {
			assertThat(charger.isOpen()).isTrue();
		}
	}

	private String verifier(String chargerId) {
		return jdbc.queryForObject("SELECT key_verifier FROM chargers WHERE id = ?", String.class, chargerId);
	}

	private double slowChecks() {
		return meters.counter("csms.charger.key.slow.checks").count();
	}

	/** The whole application once more, on the same database and secret: a node started after the first admission. */
	private static ConfigurableApplicationContext startAnotherNode() {
		return new SpringApplicationBuilder(CsmsApplication.class).initializers(new TestDatabase())
				.properties("server.port=0", "csms.auth.jwt-secret=" + Tokens.SECRET,
						"csms.chargers.key-verifier-secret=" + SECRET, "spring.jmx.enabled=false")
				.run();
	}
}
