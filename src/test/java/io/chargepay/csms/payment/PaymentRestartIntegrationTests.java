package io.chargepay.csms.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.BindException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.chargepay.csms.CsmsApplication;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.session.SessionView;
import io.chargepay.csms.support.Charging;
import io.chargepay.csms.support.Fleet;
import io.chargepay.csms.support.StripeFake;
import io.chargepay.csms.support.TestCharger;
import io.chargepay.csms.support.TestDatabase;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The application stops between a session's stop and its payment link, and a new one starts against the same
 * database. Both run on one H2 database of their own, so that no other test's application (all share the server
 * database) can pick the unfinished work up instead of the restarted one.
 */
class PaymentRestartIntegrationTests {

	private static final StripeFake stripe = StripeFake.instance();
	private static final String DATABASE = "jdbc:h2:mem:payment-restart-" + UUID.randomUUID()
			+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";

	private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(DATABASE, "sa", ""));

	@Test
	void linksWhoseCreationWasCutShortByAStopAreCreatedAfterTheRestart() {
		SessionView stripeDown;
		SessionView listenerFailed;
		SessionView redelivered;
		String chargerId;
		// Stripe is down (connection refused) for the whole life of the first application.
		try (ConfigurableApplicationContext first = start("http://127.0.0.1:" + TestDatabase.freePort(), "1s")) {
			Fleet fleet = new Fleet(first.getBean(ChargerService.class), first.getBean(IdentityService.class),
					first.getBean(io.chargepay.csms.balance.BalanceService.class));
			chargerId = fleet.newCharger();
			try (TestCharger charger = TestCharger.connect(ocppPort(first), chargerId, Fleet.CHARGER_KEY)) {
				Charging charging = new Charging(charger, chargerId, first.getBean(SessionService.class));
				PaymentLinkService payments = first.getBean(PaymentLinkService.class);

				stripeDown = charging.session(fleet.newDriverTag(), 1_000);
				await().untilAsserted(() -> assertThat(single(payments.linksOf(stripeDown.sessionId())).failureReason())
						.startsWith("Retrying: Stripe did not answer"));

				// The listener cannot record the link (a row holding the session's live slot stands in for a database
				// failure): the SessionEnded publication stays incomplete in the registry.
				int started = charging.start(fleet.newDriverTag(), 0);
				listenerFailed = charging.find(started);
				blockLinksOf(listenerFailed.sessionId());
				charging.stop(started, 2_000);
				await().untilAsserted(() -> assertThat(failedPublicationsOf(listenerFailed)).isOne());

				// The same, but the obstacle goes while the application runs: the failed delivery is made again.
				int other = charging.start(fleet.newDriverTag(), 0);
				redelivered = charging.find(other);
				blockLinksOf(redelivered.sessionId());
				charging.stop(other, 3_000);
				await().untilAsserted(() -> assertThat(failedPublicationsOf(redelivered)).isOne());
				unblockLinksOf(redelivered.sessionId());
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
						single(payments.linksOf(redelivered.sessionId())).status()).isEqualTo(PaymentLinkStatus.PENDING));
				assertThat(payments.linksOf(listenerFailed.sessionId())).isEmpty();
			}
		}
		unblockLinksOf(listenerFailed.sessionId());
		String keyTriedBefore = single(linkRows(stripeDown)).get("idempotency_key").toString();

		// Restarted with Stripe up; its redelivery job is too slow to matter: the restart republishes the event.
		try (ConfigurableApplicationContext second = start(stripe.baseUrl(), "1h")) {
			PaymentLinkService payments = second.getBean(PaymentLinkService.class);
			for (SessionView session : List.of(stripeDown, listenerFailed, redelivered)) {
				PaymentLinkView link = await().atMost(Duration.ofSeconds(15))
						.until(() -> payments.activeLink(session.sessionId()), java.util.Optional::isPresent).orElseThrow();
				assertThat(payments.linksOf(session.sessionId())).containsExactly(link);
				assertThat(link.externalId()).startsWith("cs_test_");
			}
		}
		assertThat(stripe.sessionsOf(chargerId)).as("Checkout Sessions at Stripe").hasSize(3);
		assertThat(stripe.createRequests(chargerId)).anySatisfy(request -> assertThat(
				request.getHeader("Idempotency-Key")).isEqualTo(keyTriedBefore));
		assertThat(jdbc.queryForObject("select count(*) from event_publication", Integer.class)).isZero();
	}

	private void blockLinksOf(String sessionId) {
		LocalDateTime utc = LocalDateTime.now(ZoneOffset.UTC);
		Timestamp now = Timestamp.valueOf(utc);
		jdbc.update("""
				insert into payment_links (id, session_id, provider, amount_minor, currency, status, attempt,
				  live_session_id, idempotency_key, created_at, expires_at, updated_at)
				values (?, ?, 'stripe', 50, 'usd', 'ACTIVE', 1, ?, 'blocker', ?, ?, ?)""",
				UUID.randomUUID().toString(), UUID.randomUUID().toString(), sessionId, now,
				Timestamp.valueOf(utc.plusDays(1)), now);
	}

	private void unblockLinksOf(String sessionId) {
		jdbc.update("delete from payment_links where live_session_id = ? and idempotency_key = 'blocker'", sessionId);
	}

	private int failedPublicationsOf(SessionView session) {
		return jdbc.queryForObject("select count(*) from event_publication where status = 'FAILED'"
				+ " and serialized_event like ?", Integer.class, "%" + session.sessionId() + "%");
	}

	private List<Map<String, Object>> linkRows(SessionView session) {
		return jdbc.queryForList("select * from payment_links where session_id = ?", session.sessionId());
	}

	/** Retries with another port when another process took the chosen one before the listener bound it. */
	private static ConfigurableApplicationContext start(String stripeBase, String redeliveryInterval) {
		for (int attempt = 1;; attempt++) {
			try {
				return startOnce(stripeBase, redeliveryInterval);
			}
			catch (RuntimeException e) {
				if (attempt == 3 || !(NestedExceptionUtils.getRootCause(e) instanceof BindException)) {
					throw e;
				}
			}
		}
	}

	private static ConfigurableApplicationContext startOnce(String stripeBase, String redeliveryInterval) {
		Map<String, Object> properties = new HashMap<>(Map.of("server.port", 0, "server.address", "127.0.0.1",
				"csms.ocpp.port", 0, "csms.ocpp.host", "127.0.0.1",
				"csms.auth.jwt-secret", Tokens.SECRET, "spring.datasource.url", DATABASE,
				"spring.datasource.username", "sa", "spring.datasource.password", ""));
		properties.putAll(Map.of("csms.payments.stripe.api-key", StripeFake.API_KEY,
				"csms.payments.stripe.api-base", stripeBase, "csms.payments.stripe.timeout", "5s",
				"csms.payments.expiry-check-interval", redeliveryInterval, "csms.payments.retry.interval", "100ms",
				"csms.payments.retry.initial-backoff", "200ms", "csms.payments.retry.max-backoff", "500ms"));
		return new SpringApplicationBuilder(CsmsApplication.class)
				.run(properties.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
						.toArray(String[]::new));
	}

	private static int ocppPort(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.ocpp.port", Integer.class);
	}

	private static <T> T single(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}
}
