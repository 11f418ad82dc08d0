package io.chargepay.csms.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.session.SessionStatus;
import io.chargepay.csms.session.SessionView;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.Charging;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.StripeFake;
import io.chargepay.csms.support.StripeIntegrationTest;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/session/{id}/payment-link and GET .../payment-links, over HTTP, with Stripe as the provider. */
@StripeIntegrationTest
class PaymentLinkRecreationIntegrationTests {

	private static final StripeFake stripe = StripeFake.instance();

	@LocalServerPort
	int httpPort;
	@Value("${local.ocpp.port}")
	int ocppPort;
	@Autowired
	ChargerService chargers;
	@Autowired
	IdentityService identity;
	@Autowired
	io.chargepay.csms.balance.BalanceService balance;
	@Autowired
	SessionService sessions;
	@Autowired
	PaymentLinkService payments;

	Api api;
	Fleet fleet;
	String chargerId;
	String idTag;
	String driverToken;
	TestCharger charger;
	Charging charging;

	@BeforeEach
	void connect() {
		api = new Api(httpPort);
		fleet = new Fleet(chargers, identity, balance);
		chargerId = fleet.newCharger();
		idTag = fleet.newDriverTag();
		driverToken = Tokens.driver(fleet.userOf(idTag));
		charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY);
		charging = new Charging(charger, chargerId, sessions);
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void recreatingExpiresTheOldLinkAtStripeAndAnswersWithANewActiveOne() {
		SessionView session = finishedSession();
		PaymentLinkView old = payments.activeLink(session.sessionId()).orElseThrow();

		Api.Response answer = api.post(linkPath(session), driverToken, "");

		assertThat(answer.status()).isEqualTo(201);
		JsonNode link = answer.body();
		assertThat(link.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(link.get("paymentLinkId").asString()).isNotEqualTo(old.id());
		assertThat(link.get("amount").decimalValue()).isEqualByComparingTo("0.50");
		assertThat(link.get("currency").asString()).isEqualTo("usd");
		assertThat(link.get("url").asString()).startsWith("https://checkout.stripe.com/c/pay/cs_test_");
		assertThat(link.get("metadata").get("replaces").asString()).isEqualTo(old.id());
		assertThat(stripe.expireRequests(old.externalId())).hasSize(1);
		assertThat(stripe.session(old.externalId()).get("status").asString()).isEqualTo("expired");
		assertThat(stripe.createRequests(chargerId).get(1).getHeader("Idempotency-Key"))
				.isEqualTo("csms-link-" + session.sessionId() + "-2");
		assertThat(payments.find(old.id()).orElseThrow().status()).isEqualTo(PaymentLinkStatus.EXPIRED);
		assertThat(sessions.find(session.sessionId()).orElseThrow().paymentLinkId())
				.isEqualTo(link.get("paymentLinkId").asString());

		Api.Response list = api.get(linksPath(session), Tokens.operator());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().valueStream().map(node -> node.get("status").asString()).toList())
				.containsExactly("ACTIVE", "EXPIRED");
		assertThat(list.body().valueStream().map(node -> node.get("createdBy").get("kind").asString() + ":"
				+ node.get("createdBy").get("id").asString()).toList())
				.as("who recreated it, and the system's first link")
				.containsExactly("DRIVER:" + fleet.userOf(idTag), "SYSTEM:session-ended");
	}

	@Test
	void twoConcurrentRecreationsLeaveExactlyOneActiveLinkAndExpireEveryOtherCheckoutSession() throws Exception {
		SessionView session = finishedSession();
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService callers = Executors.newFixedThreadPool(2);
		try {
			List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> {
					awaitQuietly(go);
					return api.post(linkPath(session), driverToken, "");
				}, callers));
			}
			go.countDown();
			for (CompletableFuture<Api.Response> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS).status()).isIn(201, 202);
			}
		}
		finally {
			callers.shutdownNow();
		}

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(payments.linksOf(session.sessionId()))
				.noneMatch(link -> link.status() == PaymentLinkStatus.PENDING));
		List<PaymentLinkView> links = payments.linksOf(session.sessionId());
		// Two links more than the first if they ran one after the other, one if the second joined the first.
		assertThat(links).hasSizeBetween(2, 3);
		assertThat(links).filteredOn(link -> link.status() == PaymentLinkStatus.ACTIVE).hasSize(1);
		assertThat(links).filteredOn(link -> link.status() == PaymentLinkStatus.EXPIRED).hasSize(links.size() - 1);
		String active = payments.activeLink(session.sessionId()).orElseThrow().externalId();
		for (String checkout : stripe.sessionsOf(chargerId)) {
			assertThat(stripe.session(checkout).get("status").asString()).as(checkout)
					.isEqualTo(checkout.equals(active) ? "open" : "expired");
		}
	}

	@Test
	void fiftyConcurrentRecreationsHoldNoLockAcrossStripeLeaveOneActiveLinkAndKeepTheFleetAnswered() throws Exception {
		SessionView session = finishedSession();
		String first = payments.activeLink(session.sessionId()).orElseThrow().externalId();
		// Stripe takes 1.5 s to expire the current link: long enough for every request to arrive meanwhile.
		StubMapping slowExpiry = stripe.server().stubFor(post(urlEqualTo("/v1/checkout/sessions/" + first + "/expire"))
				.atPriority(1).willReturn(aResponse().withFixedDelay(1_500).withTransformers("checkout")));
		ExecutorService callers = Executors.newFixedThreadPool(50);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<CompletableFuture<Api.Response>> answers = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				answers.add(CompletableFuture.supplyAsync(() -> {
					awaitQuietly(go);
					return api.post(linkPath(session), driverToken, "");
				}, callers));
			}
			go.countDown();
			CompletableFuture<Void> all = CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new));
			int answeredMeanwhile = 0;
			while (!all.isDone()) {
				// A write of the fleet's: it needs a pooled connection while the recreations run.
				assertThat(charger.result("DataTransfer", java.util.Map.of("vendorId", "acme", "data", "x"))
						.get("status").asString()).isEqualTo("UnknownVendorId");
				answeredMeanwhile++;
			}
			for (CompletableFuture<Api.Response> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS).status()).isIn(201, 202);
			}
			assertThat(answeredMeanwhile).as("the charger was answered while the recreations ran").isPositive();
		}
		finally {
			callers.shutdownNow();
			stripe.server().removeStub(slowExpiry);
		}

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(payments.linksOf(session.sessionId()))
				.noneMatch(link -> link.status() == PaymentLinkStatus.PENDING));
		List<PaymentLinkView> links = payments.linksOf(session.sessionId());
		assertThat(links).filteredOn(link -> link.status() == PaymentLinkStatus.ACTIVE).hasSize(1);
		assertThat(links).filteredOn(link -> link.status() == PaymentLinkStatus.EXPIRED).hasSize(links.size() - 1);
		assertThat(links).as("the burst joined the recreation in progress rather than replacing it fifty times")
				.hasSizeLessThan(10);
		String active = payments.activeLink(session.sessionId()).orElseThrow().externalId();
		for (String checkout : stripe.sessionsOf(chargerId)) {
			assertThat(stripe.session(checkout).get("status").asString()).as(checkout)
					.isEqualTo(checkout.equals(active) ? "open" : "expired");
		}
	}

	@Test
	void aPaidSessionGetsNoNewLink() {
		SessionView session = finishedSession();
		PaymentLinkView link = payments.activeLink(session.sessionId()).orElseThrow();
		StripeFake.Delivery paid = stripe.event("evt_" + link.id(), "checkout.session.completed",
				stripe.complete(link.externalId(), "paid"));
		assertThat(payments.acceptStripeWebhook(paid.payload(), paid.signature())).isEqualTo(WebhookOutcome.APPLIED);

		Api.Response answer = api.post(linkPath(session), driverToken, "");

		assertThat(answer.status()).isEqualTo(409);
		assertThat(answer.body().get("type").asString()).isEqualTo("https://chargepay.io/problems/conflict");
		assertThat(stripe.expireRequests(link.externalId())).isEmpty();
	}

	@Test
	void aLinkPaidAtStripeWhileBeingReplacedSettlesTheSessionInsteadOfGettingASuccessor() {
		SessionView session = finishedSession();
		PaymentLinkView link = payments.activeLink(session.sessionId()).orElseThrow();
		stripe.complete(link.externalId(), "paid"); // the driver paid; Stripe's webhook has not arrived yet

		Api.Response answer = api.post(linkPath(session), driverToken, "");

		assertThat(answer.status()).isEqualTo(409);
		assertThat(payments.find(link.id()).orElseThrow().status()).isEqualTo(PaymentLinkStatus.PAID);
		assertThat(sessions.find(session.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.PAID);
		assertThat(payments.linksOf(session.sessionId())).hasSize(1);
	}

	@Test
	void onlyTheSessionsDriverOrAnOperatorMayRecreateOrListAndOnlyEndedSessions() {
		SessionView session = finishedSession();
		String stranger = Tokens.driver(fleet.userOf(fleet.newDriverTag()));

		assertThat(api.post(linkPath(session), stranger, "").status()).isEqualTo(403);
		assertThat(api.get(linksPath(session), stranger).status()).isEqualTo(403);
		assertThat(api.get(linksPath(session), null).status()).isEqualTo(401);
		assertThat(api.get(linksPath(session), driverToken).body().size()).isEqualTo(1);
		assertThat(api.post(linkPath(session), Tokens.operator(), "").status()).isEqualTo(201);
		assertThat(api.post("/api/v1/session/00000000-0000-0000-0000-000000000000/payment-link", Tokens.operator(), "")
				.status()).isEqualTo(404);

		int running = charging.start(idTag, 50_000);
		Api.Response notEnded = api.post("/api/v1/session/" + charging.find(running).sessionId() + "/payment-link",
				driverToken, "");
		assertThat(notEnded.status()).isEqualTo(409);
		assertThat(notEnded.body().get("detail").asString()).contains("has not ended");
	}

	private SessionView finishedSession() {
		SessionView session = charging.session(idTag, 2_000);
		assertThat(payments.awaitActiveLink(session.sessionId(), Duration.ofSeconds(10))).isPresent();
		return session;
	}

	private static String linkPath(SessionView session) {
		return "/api/v1/session/" + session.sessionId() + "/payment-link";
	}

	private static String linksPath(SessionView session) {
		return "/api/v1/session/" + session.sessionId() + "/payment-links";
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
