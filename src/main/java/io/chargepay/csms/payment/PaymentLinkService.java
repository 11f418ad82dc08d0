package io.chargepay.csms.payment;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.chargepay.csms.payment.internal.LinkRecreation;
import io.chargepay.csms.payment.internal.PaymentLinkQueries;
import io.chargepay.csms.payment.internal.SandboxPayments;
import io.chargepay.csms.payment.internal.StripeWebhooks;
import io.chargepay.csms.session.Actor;
import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.session.UnknownSessionException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The payment links of charging sessions: looking them up, waiting for one, recreating, and settling them. */
@Service
public class PaymentLinkService {

	private final PaymentLinkQueries queries;
	private final LinkRecreation recreation;
	private final SandboxPayments sandbox;
	private final StripeWebhooks webhooks;
	private final SessionService sessions;

	PaymentLinkService(PaymentLinkQueries queries, LinkRecreation recreation, SandboxPayments sandbox,
			StripeWebhooks webhooks, SessionService sessions) {
		this.queries = queries;
		this.recreation = recreation;
		this.sandbox = sandbox;
		this.webhooks = webhooks;
		this.sessions = sessions;
	}

	/** The session's ACTIVE link, payable now. */
	public Optional<PaymentLinkView> activeLink(String sessionId) {
		return queries.active(sessionId);
	}

	/**
	 * The session's ACTIVE link, waiting up to {@code timeout} for it while it is on its way (the link is created
	 * right after the stop commits). Returns empty at once when none is coming: the provider refused it. A session
	 * that is not billed automatically has no link at all and this waits the whole timeout, so check
	 * {@code SessionView.billingHold()} first.
	 */
	public Optional<PaymentLinkView> awaitActiveLink(String sessionId, Duration timeout) {
		return queries.awaitActive(sessionId, timeout);
	}

	/** Current and past links of the session, newest first. */
	public List<PaymentLinkView> linksOf(String sessionId) {
		return queries.linksOf(List.of(sessionId)).getOrDefault(sessionId, List.of());
	}

	/** Current and past links of each session (for a page of sessions), newest first; sessions without any absent. */
	public Map<String, List<PaymentLinkView>> linksOf(Collection<String> sessionIds) {
		return sessionIds.isEmpty() ? new LinkedHashMap<>() : queries.linksOf(sessionIds);
	}

	public Optional<PaymentLinkView> find(String paymentLinkId) {
		return queries.find(paymentLinkId);
	}

	/**
	 * Expires the session's live link (at the provider too) and creates a new one; concurrent calls leave exactly one
	 * live link. The result is ACTIVE, or PENDING while the provider is unavailable (it is retried), or FAILED when
	 * the provider refused it.
	 *
	 * @throws UnknownSessionException no such session
	 * @throws SessionAlreadyPaidException the session is paid (perhaps just now, through the link being replaced)
	 * @throws SessionNotBillableException the session has not ended, or is held for an operator
	 * @throws PaymentProviderUnavailableException the current link could not be expired at the provider
	 */
	public PaymentLinkView recreate(String sessionId, Actor requestedBy) {
		return recreation.recreate(sessions.find(sessionId).orElseThrow(() -> new UnknownSessionException(sessionId)),
				requestedBy);
	}

	/** A link of the sandbox provider, for its page; empty when the link is not one or the sandbox is off. */
	public Optional<PaymentLinkView> sandboxLink(String paymentLinkId) {
		return sandbox.link(paymentLinkId);
	}

	/**
	 * Pays a sandbox link as a driver would on Stripe's page: link and session become PAID. Empty when there is no
	 * such sandbox link (or the sandbox is off); paying a paid link again changes nothing.
	 *
	 * @throws PaymentLinkClosedException the link cannot be paid (expired, replaced, failed)
	 */
	public Optional<PaymentLinkView> paySandboxLink(String paymentLinkId) {
		return sandbox.pay(paymentLinkId);
	}

	/**
	 * Applies a Stripe webhook delivery, each event id once.
	 *
	 * @throws InvalidWebhookSignatureException the Stripe-Signature is missing, wrong, or older than 300 s
	 */
	public WebhookOutcome acceptStripeWebhook(String payload, @Nullable String signatureHeader) {
		return webhooks.accept(payload, signatureHeader);
	}

}
