package io.chargepay.csms.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.UpgradeProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@CsmsIntegrationTest
class OcppHandshakeIntegrationTests {

	@Value("${local.ocpp.port}")
	int port;
	@Autowired
	ChargerService chargers;
	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;

	Fleet fleet;
	String chargerId;

	@BeforeEach
	void registerCharger() {
		fleet = new Fleet(chargers, identity, balance);
		chargerId = fleet.newCharger();
	}

	@Test
	void acceptsAnAuthenticatedChargerAndEchoesTheOcpp16Subprotocol() {
		UpgradeProbe.Response response = UpgradeProbe.upgrade(port, "/ocpp/" + chargerId, "ocpp2.0.1, ocpp1.6",
				UpgradeProbe.basic(chargerId, Fleet.CHARGER_KEY));

		assertThat(response.status()).isEqualTo(101);
		assertThat(response.header("Sec-WebSocket-Protocol")).isEqualTo("ocpp1.6");
	}

	@Test
	void refusesAClientThatDoesNotOfferOcpp16() {
		assertThat(UpgradeProbe.upgrade(port, "/ocpp/" + chargerId, "ocpp2.0.1",
				UpgradeProbe.basic(chargerId, Fleet.CHARGER_KEY)).status()).isEqualTo(400);
		assertThat(UpgradeProbe.upgrade(port, "/ocpp/" + chargerId, null,
				UpgradeProbe.basic(chargerId, Fleet.CHARGER_KEY)).status()).isEqualTo(400);
	}

	@Test
	void answersAnUnknownChargerIdentityExactlyAsAWrongKeySoIdsCannotBeEnumerated() {
		UpgradeProbe.Response unknown = UpgradeProbe.upgrade(port, "/ocpp/NO-SUCH-CHARGER", "ocpp1.6",
				UpgradeProbe.basic("NO-SUCH-CHARGER", Fleet.CHARGER_KEY));
		UpgradeProbe.Response wrongKey = UpgradeProbe.upgrade(port, "/ocpp/" + chargerId, "ocpp1.6",
				UpgradeProbe.basic(chargerId, "not-the-right-key-at-all"));
		UpgradeProbe.Response unknownWithoutKey = UpgradeProbe.upgrade(port, "/ocpp/NO-SUCH-CHARGER", "ocpp1.6", null);

		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.headers()).isEqualTo(wrongKey.headers());
		assertThat(unknownWithoutKey.headers()).isEqualTo(wrongKey.headers());
	}

	@Test
	void spendsAFullKeyCheckOnEveryRefusalThatWouldOtherwiseBeFast() {
		String generated = "CP-GEN-" + System.nanoTime();
		chargers.registerWithGeneratedKey(generated);
		double before = refusalChecks();

		UpgradeProbe.upgrade(port, "/ocpp/NO-SUCH-CHARGER", "ocpp1.6", UpgradeProbe.basic("NO-SUCH-CHARGER", "k".repeat(20)));
		UpgradeProbe.upgrade(port, "/ocpp/" + generated, "ocpp1.6", UpgradeProbe.basic(generated, "k".repeat(20)));

		// An unknown id and a wrong key against a generated key's fast hash each pay the PBKDF2 a chosen key costs.
		assertThat(refusalChecks() - before).isEqualTo(2.0);
	}

	private double refusalChecks() {
		return meters.counter("csms.charger.key.refusal.checks").count();
	}

	@Test
	void answersAWrongPasswordWith401AndABasicChallenge() {
		UpgradeProbe.Response response = UpgradeProbe.upgrade(port, "/ocpp/" + chargerId, "ocpp1.6",
				UpgradeProbe.basic(chargerId, "not-the-right-key-at-all"));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=");
	}

	@Test
	void answersMissingOrMalformedCredentialsWith401() {
		assertThat(UpgradeProbe.upgrade(port, "/ocpp/" + chargerId, "ocpp1.6", null).status()).isEqualTo(401);
		assertThat(UpgradeProbe.upgrade(port, "/ocpp/" + chargerId, "ocpp1.6", "Basic !!!notbase64").status())
				.isEqualTo(401);
		assertThat(UpgradeProbe.upgrade(port, "/ocpp/" + chargerId, "ocpp1.6", "Bearer abc").status()).isEqualTo(401);
	}

	@Test
	void refusesCredentialsOfAnotherChargerEvenWithTheRightPassword() {
		String other = fleet.newCharger();

		assertThat(UpgradeProbe.upgrade(port, "/ocpp/" + chargerId, "ocpp1.6",
				UpgradeProbe.basic(other, Fleet.CHARGER_KEY)).status()).isEqualTo(401);
	}

	@Test
	void acceptsAFortyCharacterHexAuthorizationKey() {
		String id = "CP-HEX-" + System.nanoTime();
		String key = "0123456789abcdef0123456789abcdef01234567";
		chargers.register(id, key);

		assertThat(UpgradeProbe.upgrade(port, "/ocpp/" + id, "ocpp1.6", UpgradeProbe.basic(id, key)).status())
				.isEqualTo(101);
	}

	@Test
	void acceptsAPasswordContainingColons() {
		String id = "CP-COLON-" + System.nanoTime();
		String key = "with:colons:inside:it";
		chargers.register(id, key);

		assertThat(UpgradeProbe.upgrade(port, "/ocpp/" + id, "ocpp1.6", UpgradeProbe.basic(id, key)).status())
				.isEqualTo(101);
	}

	@Test
	void decodesAPercentEncodedIdentity() {
		String id = "CP 7+" + System.nanoTime() % 100000;
		chargers.register(id, Fleet.CHARGER_KEY);
		String encoded = java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");

		assertThat(UpgradeProbe.upgrade(port, "/ocpp/" + encoded, "ocpp1.6", UpgradeProbe.basic(id, Fleet.CHARGER_KEY))
				.status()).isEqualTo(101);
	}

	@Test
	void refusesIdentitiesLongerThan48CharactersAndPathsOutsideOcpp() {
		String tooLong = "C".repeat(49);

		assertThat(UpgradeProbe.upgrade(port, "/ocpp/" + tooLong, "ocpp1.6",
				UpgradeProbe.basic(tooLong, Fleet.CHARGER_KEY)).status()).isEqualTo(400);
		assertThat(UpgradeProbe.upgrade(port, "/other/" + chargerId, "ocpp1.6",
				UpgradeProbe.basic(chargerId, Fleet.CHARGER_KEY)).status()).isEqualTo(400);
		assertThat(UpgradeProbe.upgrade(port, "/ocpp/a/b", "ocpp1.6", UpgradeProbe.basic("a/b", Fleet.CHARGER_KEY))
				.status()).isEqualTo(400);
	}

	@Test
	void aSecondAuthenticatedConnectionReplacesTheFirst() {
		try (TestCharger first = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY);
				TestCharger second = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY)) {

			assertThat(first.closedWithin(10)).isTrue();
			assertThat(second.result("Heartbeat", java.util.Map.of()).has("currentTime")).isTrue();
		}
	}

	@Test
	void aFailedSecondConnectionLeavesTheLiveOneAlone() {
		try (TestCharger live = TestCharger.connect(port, chargerId, Fleet.CHARGER_KEY);
				TestCharger impostor = TestCharger.open(port, chargerId, "wrong-password-for-it")) {

			assertThat(impostor.isOpen()).isFalse();
			assertThat(live.closedWithin(1)).isFalse();
			assertThat(live.result("Heartbeat", java.util.Map.of()).has("currentTime")).isTrue();
		}
	}
}
