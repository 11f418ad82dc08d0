package io.chargepay.csms.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.session.SessionView;
import io.chargepay.csms.support.Charging;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.StripeFake;
import io.chargepay.csms.support.StripeIntegrationTest;
import io.chargepay.csms.support.TestCharger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A finished session's Stripe Checkout link: what is sent, and how outages and refusals end. */
@StripeIntegrationTest
class StripePaymentLinkIntegrationTests {

	private static final StripeFake stripe = StripeFake.instance();

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
	@Autowired
	JdbcTemplate jdbc;
	/** Pooled connections do not autocommit: a write outside a transaction is rolled back on return. */
	@Autowired
	TransactionTemplate transaction;

	Fleet fleet;
	String chargerId;
	String idTag;
	TestCharger charger;
	Charging charging;

	@BeforeEach
	void connect() {
		fleet = new Fleet(chargers, identity, balance);
		chargerId = fleet.newCharger();
		idTag = fleet.newDriverTag();
		charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY);
		charging = new Charging(charger, chargerId, sessions);
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void aChargerInitiatedStopGetsOneActiveCheckoutLinkWithTheTariffAmountAndTheLinkTtl() {
		Instant stoppedAround = Instant.now();
		SessionView session = charging.session(idTag, 7_500);

		PaymentLinkView link = payments.awaitActiveLink(session.sessionId(), Duration.ofSeconds(10)).orElseThrow();

		assertThat(stripe.sessionsOf(chargerId)).as("Checkout Sessions at Stripe").containsExactly(link.externalId());
		LoggedRequest request = stripe.createRequests(chargerId).get(0);
		assertThat(form(request, "mode")).isEqualTo("payment");
		assertThat(form(request, "line_items[0][price_data][unit_amount]")).isEqualTo("50");
		assertThat(form(request, "line_items[0][price_data][currency]")).isEqualTo("usd");
		assertThat(form(request, "line_items[0][quantity]")).isEqualTo("1");
		assertThat(form(request, "line_items[0][price_data][product_data][name]"))
				.isEqualTo("EV charging at " + chargerId + ": 7.5 kWh");
		assertThat(Instant.ofEpochSecond(Long.parseLong(form(request, "expires_at"))))
				.isCloseTo(stoppedAround.plus(Duration.ofHours(24)), within(30, ChronoUnit.SECONDS));
		assertThat(form(request, "client_reference_id")).isEqualTo(session.sessionId());
		assertThat(form(request, "metadata[session_id]")).isEqualTo(session.sessionId());
		assertThat(form(request, "metadata[user_id]")).isEqualTo(fleet.userOf(idTag));
		assertThat(form(request, "metadata[transaction_id]")).isEqualTo(String.valueOf(session.transactionId()));
		assertThat(form(request, "metadata[energy_wh]")).isEqualTo("7500");
		assertThat(form(request, "metadata[payment_link_id]")).isEqualTo(link.id());
		assertThat(request.getHeader("Idempotency-Key")).isEqualTo("csms-link-" + session.sessionId() + "-1");
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + StripeFake.API_KEY);

		assertThat(link.status()).isEqualTo(PaymentLinkStatus.ACTIVE);
		assertThat(link.provider()).isEqualTo("stripe");
		assertThat(link.amount()).isEqualByComparingTo("0.50");
		assertThat(link.currency()).isEqualTo("usd");
		assertThat(link.externalId()).startsWith("cs_test_");
		assertThat(link.url()).isEqualTo(stripe.session(link.externalId()).get("url").asString());
		assertThat(link.expiresAt().getEpochSecond()).isEqualTo(Long.parseLong(form(request, "expires_at")));
		assertThat(link.metadata()).contains("\"charger_id\":\"" + chargerId + "\"", "\"reason\":\"session_ended\"");
		assertThat(sessions.find(session.sessionId()).orElseThrow().paymentLinkId()).isEqualTo(link.id());
		assertThat(payments.linksOf(session.sessionId())).extracting(PaymentLinkView::id).containsExactly(link.id());
		await().untilAsserted(() -> assertThat(jdbc.queryForObject(
				"select count(*) from event_publication where serialized_event like ?", Integer.class,
				"%" + session.sessionId() + "%")).as("SessionEnded publications left incomplete").isZero());
	}

	@Test
	void aStopTransactionDeliveredTwiceMakesOneLink() {
		int transactionId = charging.start(idTag, 2_000);
		charging.stop(transactionId, 3_000);
		charging.stop(transactionId, 3_000);
		SessionView session = charging.find(transactionId);

		assertThat(payments.awaitActiveLink(session.sessionId(), Duration.ofSeconds(10))).isPresent();
		assertThat(payments.linksOf(session.sessionId())).hasSize(1);
		assertThat(stripe.sessionsOf(chargerId)).as("Checkout Sessions at Stripe").hasSize(1);
	}

	@Test
	void stripeAnswering500ThenSucceedingGivesOneLinkAfterARetryUnderANewIdempotencyKey() {
		stripe.server().stubFor(post(urlEqualTo("/v1/checkout/sessions")).atPriority(1)
				.withFormParam("metadata[charger_id]", equalTo(chargerId))
				.inScenario(chargerId).whenScenarioStateIs(STARTED).willSetStateTo("recovered")
				.willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
						.withBody(StripeFake.errorBody("api_error", "Something went wrong on Stripe's end."))));

		SessionView session = charging.session(idTag, 1_000);

		PaymentLinkView link = awaitActive(session);
		List<LoggedRequest> requests = stripe.createRequests(chargerId);
		assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
		// Stripe stores a 5xx under its idempotency key and would replay it: the retry needs a fresh key.
		assertThat(requests.get(1).getHeader("Idempotency-Key")).isNotEqualTo(requests.get(0).getHeader("Idempotency-Key"));
		assertThat(stripe.sessionsOf(chargerId)).containsExactly(link.externalId());
		assertThat(payments.linksOf(session.sessionId())).containsExactly(link);
		assertThat(link.failureReason()).isNull();
	}

	@Test
	void aTimedOutCallIsRetriedUnderTheSameIdempotencyKeyAndMakesNoSecondCheckoutSession() {
		// Stripe creates the session but answers after our 5 s timeout: we cannot know it exists.
		stripe.server().stubFor(post(urlEqualTo("/v1/checkout/sessions")).atPriority(1)
				.withFormParam("metadata[charger_id]", equalTo(chargerId))
				.inScenario(chargerId).whenScenarioStateIs(STARTED).willSetStateTo("answering")
				.willReturn(aResponse().withTransformers("checkout").withFixedDelay(6_000)));

		SessionView session = charging.session(idTag, 1_000);

		PaymentLinkView link = await().atMost(Duration.ofSeconds(20)).until(
				() -> payments.activeLink(session.sessionId()), java.util.Optional::isPresent).orElseThrow();
		List<LoggedRequest> requests = stripe.createRequests(chargerId);
		assertThat(requests).hasSizeGreaterThanOrEqualTo(2);
		assertThat(requests).extracting(request -> request.getHeader("Idempotency-Key")).containsOnly(
				"csms-link-" + session.sessionId() + "-1");
		assertThat(stripe.sessionsOf(chargerId)).as("Checkout Sessions at Stripe").containsExactly(link.externalId());
		assertThat(payments.linksOf(session.sessionId())).hasSize(1);
	}

	@Test
	void aStripe4xxRecordsTheLinkAsFailedWithStripesMessageAndIsNotRetried() {
		String message = "The Checkout Session's total amount due must add up to at least $0.50 usd";
		stripe.server().stubFor(post(urlEqualTo("/v1/checkout/sessions")).atPriority(1)
				.withFormParam("metadata[charger_id]", equalTo(chargerId))
				.willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
						.withBody(StripeFake.errorBody("invalid_request_error", message))));

		SessionView session = charging.session(idTag, 1_000);

		assertThat(payments.awaitActiveLink(session.sessionId(), Duration.ofSeconds(10))).isEmpty();
		PaymentLinkView link = single(payments.linksOf(session.sessionId()));
		assertThat(link.status()).isEqualTo(PaymentLinkStatus.FAILED);
		assertThat(link.failureReason()).isEqualTo(message);
		assertThat(stripe.createRequests(chargerId)).hasSize(1);
	}

	@Test
	void aSessionHeldForAnOperatorGetsNoLink() {
		int transactionId = charging.start(idTag, 5_000);
		charging.stop(transactionId, 4_000);
		SessionView session = charging.find(transactionId);

		assertThat(session.billingHold()).isTrue();
		await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
				.untilAsserted(() -> assertThat(payments.linksOf(session.sessionId())).isEmpty());
		assertThat(stripe.createRequests(chargerId)).isEmpty();
	}

	@Test
	void theExpiryJobMarksALinkPastItsExpiryExpired() {
		SessionView session = charging.session(idTag, 1_000);
		PaymentLinkView link = awaitActive(session);

		transaction.executeWithoutResult(status -> jdbc.update("update payment_links set expires_at = ? where id = ?",
				java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1)), link.id()));

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(payments.find(link.id()).orElseThrow()
				.status()).isEqualTo(PaymentLinkStatus.EXPIRED));
		assertThat(payments.activeLink(session.sessionId())).isEmpty();
	}

	private PaymentLinkView awaitActive(SessionView session) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> payments.activeLink(session.sessionId()),
				java.util.Optional::isPresent).orElseThrow();
	}

	private static String form(LoggedRequest request, String name) {
		return request.formParameter(name).firstValue();
	}

	private static <T> T single(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}
}
