package io.chargepay.csms.web;

import static io.chargepay.csms.web.ApiSecurityIntegrationTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chargepay.csms.identity.AuthorizationStatus;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CsmsIntegrationTest
class UserApiIntegrationTests {

	static final String CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
	static final String LOWER_CASE = "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359";

	@LocalServerPort
	int port;
	@Autowired
	IdentityService identity;

	Api api;
	String operator;
	String userId;
	String tag;

	@BeforeEach
	void prepare() {
		api = new Api(port);
		operator = Tokens.operator();
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		userId = "driver-" + suffix;
		tag = "RFID-" + suffix;
	}

	@Test
	void createsAUserWithIdTagsAndWallets() {
		Api.Response created = create(Map.of("userId", userId, "idTags", List.of(tag), "wallets", List.of(
				Map.of("address", CHECKSUMMED, "chain", "ETHEREUM", "default", true),
				Map.of("address", LOWER_CASE, "chain", "POLYGON"))));

		assertThat(created.status()).isEqualTo(201);
		JsonNode user = api.get("/api/v1/users/" + userId, operator).body();
		assertThat(user.get("idTags").get(0).get("idTag").asString()).isEqualTo(tag);
		assertThat(user.get("wallets")).hasSize(2);
		assertThat(user.get("wallets").get(0).get("default").asBoolean()).isTrue();
		assertThat(identity.authorize(tag).status()).isEqualTo(AuthorizationStatus.ACCEPTED);
	}

	@Test
	void refusesADuplicateUserOrIdTagWith409() {
		create(Map.of("userId", userId, "idTags", List.of(tag)));

		assertThat(create(Map.of("userId", userId)).status()).isEqualTo(409);
		Api.Response taken = create(Map.of("userId", userId + "-2", "idTags", List.of(tag)));
		assertThat(taken.status()).isEqualTo(409);
		assertProblem(taken, "conflict");
		assertThat(api.get("/api/v1/users/" + userId + "-2", operator).status())
				.as("nothing of a refused user is kept").isEqualTo(404);
	}

	@Test
	void refusesIdTagsLongerThan20Characters() {
		Api.Response response = create(Map.of("userId", userId, "idTags", List.of("X".repeat(21))));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().get("errors").get(0).get("field").asString()).startsWith("idTags");
	}

	@Test
	void refusesMalformedAddressesAndMixedCaseAddressesWithABadChecksum() {
		Api.Response malformed = create(Map.of("userId", userId,
				"wallets", List.of(Map.of("address", "0x1234", "chain", "ETHEREUM"))));
		Api.Response badChecksum = create(Map.of("userId", userId,
				"wallets", List.of(Map.of("address", "0x5aaEb6053F3E94C9b9A09f33669435E7Ef1BeAed", "chain", "ETHEREUM"))));

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body().get("errors").get(0).get("field").asString()).isEqualTo("wallets[0].address");
		assertThat(badChecksum.status()).isEqualTo(400);
		assertThat(badChecksum.body().get("detail").asString()).contains(CHECKSUMMED);
	}

	@Test
	void blocksUnblocksAndExpiresAnIdTag() {
		create(Map.of("userId", userId, "idTags", List.of(tag)));

		api.put("/api/v1/users/" + userId + "/id-tags/" + tag, operator, Map.of("blocked", true));
		assertThat(identity.authorize(tag).status()).isEqualTo(AuthorizationStatus.BLOCKED);

		api.put("/api/v1/users/" + userId + "/id-tags/" + tag, operator,
				Map.of("blocked", false, "expiresAt", "2020-01-01T00:00:00Z"));
		assertThat(identity.authorize(tag).status()).isEqualTo(AuthorizationStatus.EXPIRED);

		JsonNode shown = api.put("/api/v1/users/" + userId + "/id-tags/" + tag, operator, Map.of("blocked", false)).body();
		assertThat(identity.authorize(tag).status()).isEqualTo(AuthorizationStatus.ACCEPTED);
		assertThat(shown.get("idTags").get(0).get("blocked").asBoolean()).isFalse();
	}

	@Test
	void addsAndRemovesIdTagsAndWallets() {
		create(Map.of("userId", userId));

		assertThat(api.post("/api/v1/users/" + userId + "/id-tags", operator, Map.of("idTag", tag)).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/users/" + userId + "/wallets", operator,
				Map.of("address", CHECKSUMMED, "chain", "ETHEREUM", "default", true)).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/users/" + userId + "/wallets", operator,
				Map.of("address", CHECKSUMMED.toLowerCase(), "chain", "ETHEREUM")).status())
				.as("the same wallet in other letters").isEqualTo(409);
		assertThat(identity.defaultWallet(userId)).isPresent();

		assertThat(api.delete("/api/v1/users/" + userId + "/id-tags/" + tag, operator).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/users/" + userId + "/wallets/ETHEREUM/" + CHECKSUMMED, operator).status())
				.isEqualTo(204);
		assertThat(identity.authorize(tag).status()).isEqualTo(AuthorizationStatus.INVALID);
		assertThat(identity.defaultWallet(userId)).isEmpty();
		assertThat(api.delete("/api/v1/users/" + userId + "/id-tags/" + tag, operator).status()).isEqualTo(404);
	}

	@Test
	void makesANewDefaultWalletTheOnlyDefault() {
		create(Map.of("userId", userId, "wallets", List.of(Map.of("address", CHECKSUMMED, "chain", "ETHEREUM",
				"default", true))));

		api.post("/api/v1/users/" + userId + "/wallets", operator, Map.of("address", LOWER_CASE, "chain", "ETHEREUM",
				"default", true));

		assertThat(identity.defaultWallet(userId).orElseThrow().address()).isEqualTo(LOWER_CASE);
		assertThat(api.get("/api/v1/users/" + userId, operator).body().get("wallets").valueStream()
				.filter(wallet -> wallet.get("default").asBoolean()).count()).isEqualTo(1);
	}

	@Test
	void answersUnknownUsersWith404() {
		assertThat(api.get("/api/v1/users/ghost-" + userId, operator).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/users/ghost-" + userId + "/id-tags", operator, Map.of("idTag", tag)).status())
				.isEqualTo(404);
	}

	private Api.Response create(Map<String, Object> body) {
		return api.post("/api/v1/users", operator, body);
	}
}
