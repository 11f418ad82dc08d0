package io.chargepay.csms.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.session.SessionStatus;
import io.chargepay.csms.session.SessionView;
import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.Charging;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox provider (no Stripe key): links are pages of the application with the same lifecycle. */
@CsmsIntegrationTest
class SandboxPaymentIntegrationTests {

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
	/** Pooled connections do not autocommit: a write outside a transaction is rolled back on return. */
	@Autowired
	TransactionTemplate transaction;

	Api api;
	TestCharger charger;
	String chargerId;
	String driverToken;
	SessionView session;
	PaymentLinkView link;

	@BeforeEach
	void finishASession() {
		api = new Api(httpPort);
		Fleet fleet = new Fleet(chargers, identity, balance);
		chargerId = fleet.newCharger();
		String idTag = fleet.newDriverTag();
		driverToken = Tokens.driver(fleet.userOf(idTag));
		charger = TestCharger.connect(ocppPort, chargerId, Fleet.CHARGER_KEY);
		session = new Charging(charger, chargerId, sessions).session(idTag, 12_345);
		link = payments.awaitActiveLink(session.sessionId(), Duration.ofSeconds(10)).orElseThrow();
	}

	@AfterEach
	void disconnect() {
		charger.close();
	}

	@Test
	void theLinksPageOpensAtItsUrlAndPayingItMarksLinkAndSessionPaid() {
		assertThat(link.provider()).isEqualTo("sandbox");
		assertThat(link.url()).isEqualTo("http://localhost:" + httpPort + "/pay/" + link.id());

		Api.Response page = api.send(HttpRequest.newBuilder(URI.create(link.url())).GET());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.text()).contains("0.50 USD", session.sessionId(), chargerId, "12345 Wh", "<form method=\"post\">");

		Api.Response paid = api.send(HttpRequest.newBuilder(URI.create(link.url()))
				.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(paid.status()).isEqualTo(303);
		assertThat(paid.location()).isEqualTo("/pay/" + link.id());
		assertThat(payments.find(link.id()).orElseThrow().status()).isEqualTo(PaymentLinkStatus.PAID);
		assertThat(sessions.find(session.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.PAID);
		assertThat(api.get("/pay/" + link.id(), null).text()).contains("Paid").doesNotContain("<form");
	}

	@Test
	void recreatingReplacesTheLinkAndTheOldPageCanNoLongerBePaid() {
		Api.Response recreated = api.post("/api/v1/session/" + session.sessionId() + "/payment-link", driverToken, "");
		assertThat(recreated.status()).isEqualTo(201);
		String newLink = recreated.body().get("paymentLinkId").asString();

		Api.Response oldPage = api.send(api.request("/pay/" + link.id(), null).POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(oldPage.status()).isEqualTo(409);
		assertThat(oldPage.text()).contains("expired");
		assertThat(api.send(api.request("/pay/" + newLink, null).POST(HttpRequest.BodyPublishers.noBody())).status())
				.isEqualTo(303);
		assertThat(sessions.find(session.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.PAID);
	}

	@Test
	void aLinkPastItsExpiryCannotBePaidAndUnknownPagesAre404() {
		transaction.executeWithoutResult(status -> jdbc.update("update payment_links set expires_at = ? where id = ?",
				java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1)), link.id()));

		assertThat(api.send(api.request("/pay/" + link.id(), null).POST(HttpRequest.BodyPublishers.noBody())).status())
				.isEqualTo(409);
		assertThat(sessions.find(session.sessionId()).orElseThrow().status()).isEqualTo(SessionStatus.COMPLETED);
		assertThat(api.get("/pay/no-such-link", null).status()).isEqualTo(404);
	}
}
