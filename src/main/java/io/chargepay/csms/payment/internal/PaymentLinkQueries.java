package io.chargepay.csms.payment.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.chargepay.csms.payment.PaymentLinkView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of links. */
@Component
@Transactional(readOnly = true)
public class PaymentLinkQueries {

	private final PaymentLinkRepository links;

	PaymentLinkQueries(PaymentLinkRepository links) {
		this.links = links;
	}

	/** The session's live (PENDING or ACTIVE) link. */
	public Optional<PaymentLinkView> live(String sessionId) {
		return links.findByLiveSessionId(sessionId).map(PaymentLink::view);
	}

	public Optional<PaymentLinkView> latest(String sessionId) {
		return links.findFirstBySessionIdOrderByAttemptDesc(sessionId).map(PaymentLink::view);
	}

	public Optional<PaymentLinkView> find(String paymentLinkId) {
		return links.findById(paymentLinkId).map(PaymentLink::view);
	}

	/** Newest first per session. */
	public Map<String, List<PaymentLinkView>> linksOf(Collection<String> sessionIds) {
		return links.findBySessionIdInOrderByAttemptDesc(sessionIds).stream().map(PaymentLink::view)
				.collect(Collectors.groupingBy(PaymentLinkView::sessionId, LinkedHashMap::new, Collectors.toList()));
	}
}
