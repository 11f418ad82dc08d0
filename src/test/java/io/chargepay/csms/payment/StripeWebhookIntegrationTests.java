package io.chargepay.csms.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST /api/v1/webhooks/stripe over HTTP: deliveries signed as Stripe signs them, and the state they settle. */
@StripeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class StripeWebhookIntegrationTests {

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
	@Autowired
	JdbcTemplate jdbc;

	Api api;
	TestCharger charger;
	SessionView session;
	PaymentLinkView link;

	@BeforeEach
	void finishASession() {
		api = new Api(httpPort);
		Fleet fleet = new Fleet(chargers, identity, balance);
		String chargerId = fleet.newCharger();
		charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY);
		session = new Charging(charger, chargerId, sessions).session(fleet.newDriverTag(), 3_000);
		link = payments.awaitActiveLink(session.sessionId(), Duration.ofSeconds(10)).orElseThrow();
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void aCompletedPaidCheckoutMarksLinkAndSessionPaid() {
		Api.Response answer = deliver(stripe.event(eventId(), "checkout.session.completed",
				stripe.complete(link.externalId(), "paid")));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("outcome").asString()).isEqualTo("APPLIED");
		assertThat(payments.find(link.id()).orElseThrow().status()).isEqualTo(PaymentLinkStatus.PAID);
		assertThat(sessions.find(session.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.PAID);
		assertThat(payments.activeLink(session.sessionId())).isEmpty();
	}

	@Test
	void aCompletedCheckoutAwaitingAnAsynchronousPaymentIsPaidOnlyWhenThatSucceeds() {
		deliver(stripe.event(eventId(), "checkout.session.completed", stripe.complete(link.externalId(), "unpaid")));
		assertThat(sessions.find(session.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.COMPLETED);

		deliver(stripe.event(eventId(), "checkout.session.async_payment_succeeded",
				stripe.complete(link.externalId(), "paid")));

		assertThat(payments.find(link.id()).orElseThrow().status()).isEqualTo(PaymentLinkStatus.PAID);
		assertThat(sessions.find(session.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.PAID);
	}

	@Test
	void anExpiredCheckoutMarksTheLinkExpired() {
		Api.Response answer = deliver(stripe.event(eventId(), "checkout.session.expired",
				stripe.session(link.externalId()).deepCopy().put("status", "expired")));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(payments.find(link.id()).orElseThrow().status()).isEqualTo(PaymentLinkStatus.EXPIRED);
		assertThat(sessions.find(session.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.COMPLETED);
	}

	@Test
	void aDeliveryWithoutAValidSignatureIsRefusedWith400AndChangesNothing(CapturedOutput output) {
		StripeFake.Delivery paid = stripe.event(eventId(), "checkout.session.completed",
				stripe.complete(link.externalId(), "paid"));
		long now = Instant.now().getEpochSecond();

		assertThat(deliver(paid.payload(), StripeFake.signature(paid.payload(), "whsec_someone_else", now)).status())
				.isEqualTo(400);
		assertThat(deliver(paid.payload(), StripeFake.signature(paid.payload(), StripeFake.WEBHOOK_SECRET, now - 301))
				.status()).as("older than Stripe's 300 s tolerance").isEqualTo(400);
		assertThat(deliver(paid.payload().replace("\"paid\"", "\"paid\" "), paid.signature()).status())
				.as("payload changed after signing").isEqualTo(400);
		Api.Response unsigned = deliver(paid.payload(), null);
		assertThat(unsigned.status()).isEqualTo(400);
		assertThat(unsigned.contentType()).startsWith("application/problem+json");

		assertThat(payments.find(link.id()).orElseThrow().status()).isEqualTo(PaymentLinkStatus.ACTIVE);
		assertThat(sessions.find(session.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.COMPLETED);
		assertThat(output.getAll()).as("secrets in the log").doesNotContain(StripeFake.WEBHOOK_SECRET, StripeFake.API_KEY);
	}

	@Test
	void aReplayedEventIsAppliedOnce() {
		String eventId = eventId();
		StripeFake.Delivery expired = stripe.event(eventId, "checkout.session.expired",
				stripe.session(link.externalId()).deepCopy().put("status", "expired"));
		assertThat(deliver(expired).body().get("outcome").asString()).isEqualTo("APPLIED");

		// The same event id again, whatever it now says: acknowledged, not applied.
		StripeFake.Delivery replay = stripe.event(eventId, "checkout.session.completed",
				stripe.complete(link.externalId(), "paid"));
		Api.Response answer = deliver(replay);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("outcome").asString()).isEqualTo("DUPLICATE");
		assertThat(payments.find(link.id()).orElseThrow().status()).isEqualTo(PaymentLinkStatus.EXPIRED);
		assertThat(sessions.find(session.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.COMPLETED);
		assertThat(jdbc.queryForObject("select count(*) from applied_stripe_events where event_id = ?", Integer.class,
				eventId)).isEqualTo(1);
	}

	@Test
	void anEventAboutACheckoutThatIsNotOursIsAcknowledged() {
		StripeFake.Delivery foreign = stripe.event(eventId(), "checkout.session.completed",
				stripe.session(link.externalId()).deepCopy().put("id", "cs_test_from_another_integration")
						.put("client_reference_id", "not-a-session").put("payment_status", "paid")
						.set("metadata", tools.jackson.databind.node.JsonNodeFactory.instance.objectNode()));

		Api.Response answer = deliver(foreign);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("outcome").asString()).isEqualTo("IGNORED");
		assertThat(payments.find(link.id()).orElseThrow().status()).isEqualTo(PaymentLinkStatus.ACTIVE);
	}

	@Test
	void aPaymentOfAnotherAmountIsRecordedAndNotApplied() {
		Api.Response answer = deliver(stripe.event(eventId(), "checkout.session.completed",
				stripe.complete(link.externalId(), "paid").deepCopy().put("amount_total", 1)));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("outcome").asString()).isEqualTo("MISMATCHED");
		assertNothingSettled();
		assertThat(jdbc.queryForObject("select detail from applied_stripe_events where outcome = 'MISMATCHED' "
				+ "and detail like ?", String.class, "%" + link.id() + "%")).startsWith("paid 1 ");
	}

	@Test
	void aPaymentInAnotherCurrencyIsRecordedAndNotApplied() {
		String otherCurrency = "usd".equalsIgnoreCase(link.currency()) ? "jpy" : "usd";
		Api.Response answer = deliver(stripe.event(eventId(), "checkout.session.completed",
				stripe.complete(link.externalId(), "paid").deepCopy().put("currency", otherCurrency)));

		assertThat(answer.body().get("outcome").asString()).isEqualTo("MISMATCHED");
		assertNothingSettled();
	}

	@Test
	void anotherCheckoutCarryingThisLinksIdInItsMetadataSettlesNothing() {
		// A checkout of the same account (another integration, or one made by hand) that copies our metadata.
		StripeFake.Delivery impostor = stripe.event(eventId(), "checkout.session.completed",
				stripe.complete(link.externalId(), "paid").deepCopy().put("id", "cs_test_someone_elses_checkout"));

		Api.Response answer = deliver(impostor);

		assertThat(answer.body().get("outcome").asString()).isEqualTo("IGNORED");
		assertNothingSettled();
	}

	private void assertNothingSettled() {
		assertThat(payments.find(link.id()).orElseThrow().status()).isEqualTo(PaymentLinkStatus.ACTIVE);
		assertThat(sessions.find(session.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.COMPLETED);
	}

	private Api.Response deliver(StripeFake.Delivery delivery) {
		return deliver(delivery.payload(), delivery.signature());
	}

	/** As Stripe posts it: JSON, no bearer token, the signature in Stripe-Signature. */
	private Api.Response deliver(String payload, String signature) {
		HttpRequest.Builder request = api.request("/api/v1/webhooks/stripe", null)
				.POST(HttpRequest.BodyPublishers.ofString(payload)).header("Content-Type", "application/json; charset=utf-8");
		return api.send(signature == null ? request : request.header("Stripe-Signature", signature));
	}

	private static String eventId() {
		return "evt_test_" + java.util.UUID.randomUUID().toString().replace("-", "");
	}
}
