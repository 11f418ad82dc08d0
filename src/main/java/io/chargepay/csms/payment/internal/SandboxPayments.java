package io.chargepay.csms.payment.internal;

import java.time.Clock;
import java.util.Optional;

import io.chargepay.csms.payment.PaymentLinkClosedException;
import io.chargepay.csms.payment.PaymentLinkStatus;
import io.chargepay.csms.payment.PaymentLinkView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The sandbox provider's checkout: its links, and paying one as a driver would on Stripe's page. */
@Component
public class SandboxPayments {

	private final PaymentLinkRepository links;
	private final PaymentLinkProvider provider;
	private final Settlement settlement;
	private final Clock clock;

	SandboxPayments(PaymentLinkRepository links, PaymentLinkProvider provider, Settlement settlement, Clock clock) {
		this.links = links;
		this.provider = provider;
		this.settlement = settlement;
		this.clock = clock;
	}

	/** Only while the sandbox is the provider: production serves no sandbox page, even for old sandbox links. */
	@Transactional(readOnly = true)
	public Optional<PaymentLinkView> link(String paymentLinkId) {
		return sandboxActive() ? links.findById(paymentLinkId).filter(this::isSandbox).map(PaymentLink::view)
				: Optional.empty();
	}

	/** Empty when there is no such sandbox link. */
	@Transactional
	public Optional<PaymentLinkView> pay(String paymentLinkId) {
		return links.findSessionOf(paymentLinkId).filter(session -> sandboxActive())
				.flatMap(session -> links.lockAllOfSession(session).stream()
						.filter(found -> found.id().equals(paymentLinkId)).findFirst())
				.filter(this::isSandbox)
				.map(this::pay);
	}

	private PaymentLinkView pay(PaymentLink link) {
		if (link.status() == PaymentLinkStatus.ACTIVE && !link.expiresAt().isAfter(clock.instant())) {
			// Not marked yet by the expiry job, but past its expiry all the same: as Stripe would, refuse it.
			throw new PaymentLinkClosedException("Payment link " + link.id() + " has expired");
		}
		if (link.status() != PaymentLinkStatus.ACTIVE && link.status() != PaymentLinkStatus.PAID) {
			throw new PaymentLinkClosedException("Payment link " + link.id() + " is " + link.status()
					+ " and cannot be paid");
		}
		settlement.paid(link);
		return link.view();
	}

	private boolean sandboxActive() {
		return "sandbox".equals(provider.name());
	}

	private boolean isSandbox(PaymentLink link) {
		return "sandbox".equals(link.provider());
	}
}
