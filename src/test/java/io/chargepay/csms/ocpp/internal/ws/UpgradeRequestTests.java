package io.chargepay.csms.ocpp.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class UpgradeRequestTests {

	@Test
	void takesTheUrlDecodedPathSegmentAfterOcppAsTheIdentity() {
		assertThat(request("/ocpp/CHARGER-001").chargerId()).contains("CHARGER-001");
		assertThat(request("/ocpp/CP%20A%2B1?x=1").chargerId()).contains("CP A+1");
		assertThat(request("/ocpp/CP+1").chargerId()).contains("CP+1");
	}

	@Test
	void findsNoIdentityInPathsItCannotUse() {
		assertThat(request("/ocpp/").chargerId()).isEmpty();
		assertThat(request("/ocpp/a/b").chargerId()).isEmpty();
		assertThat(request("/elsewhere/CP1").chargerId()).isEmpty();
		assertThat(request("/ocpp/%zz").chargerId()).isEmpty();
		assertThat(request("/ocpp/" + "x".repeat(49)).chargerId()).isEmpty();
		assertThat(request("/ocpp/" + "x".repeat(48)).chargerId()).isPresent();
	}

	@Test
	void readsBasicCredentialsWhosePasswordContainsColons() {
		String header = "Basic " + Base64.getEncoder().encodeToString("CP1:a:b:c".getBytes(StandardCharsets.UTF_8));

		assertThat(new UpgradeRequest("/ocpp/CP1", "ocpp1.6", header).credentials())
				.contains(new UpgradeRequest.Credentials("CP1", "a:b:c"));
	}

	@Test
	void findsNoCredentialsInMissingOrForeignAuthorizationHeaders() {
		assertThat(new UpgradeRequest("/ocpp/CP1", "ocpp1.6", "").credentials()).isEmpty();
		assertThat(new UpgradeRequest("/ocpp/CP1", "ocpp1.6", "Bearer x").credentials()).isEmpty();
		assertThat(new UpgradeRequest("/ocpp/CP1", "ocpp1.6", "Basic %%%").credentials()).isEqualTo(Optional.empty());
	}

	@Test
	void neverPrintsThePasswordOfCredentials() {
		assertThat(new UpgradeRequest.Credentials("CP1", "s3cret-key-123456").toString()).doesNotContain("s3cret");
	}

	@Test
	void recognisesOcpp16AmongOfferedSubprotocols() {
		assertThat(new UpgradeRequest("/ocpp/a", "ocpp2.0.1, ocpp1.6", "").offersOcpp16()).isTrue();
		assertThat(new UpgradeRequest("/ocpp/a", "ocpp1.6j", "").offersOcpp16()).isFalse();
		assertThat(new UpgradeRequest("/ocpp/a", "", "").offersOcpp16()).isFalse();
	}

	private static UpgradeRequest request(String path) {
		return new UpgradeRequest(path, "ocpp1.6", "");
	}
}
