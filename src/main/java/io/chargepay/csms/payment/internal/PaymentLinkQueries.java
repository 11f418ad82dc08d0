package io.chargepay.csms.payment.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import io.chargepay.csms.payment.PaymentLinkStatus;
import io.chargepay.csms.payment.PaymentLinkView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of links, and waiting for a session's link to become payable. */
@Component
public class PaymentLinkQueries {

	private final PaymentLinkRepository links;
	private final LinkSignals signals;
	private final Clock clock;

	PaymentLinkQueries(PaymentLinkRepository links, LinkSignals signals, Clock clock) {
		this.links = links;
		this.signals = signals;
		this.clock = clock;
	}

	/** ACTIVE and not past its expiry, even if the expiry job has not marked it yet. */
	@Transactional(readOnly = true)
	public Optional<PaymentLinkView> active(String sessionId) {
		return links.findByLiveSessionId(sessionId).map(PaymentLink::view)
				.filter(link -> link.status() == PaymentLinkStatus.ACTIVE)
				.filter(link -> link.expiresAt().isAfter(clock.instant()));
	}

	@Transactional(readOnly = true)
	public Optional<PaymentLinkView> find(String paymentLinkId) {
		return links.findById(paymentLinkId).map(PaymentLink::view);
	}

	/** Newest first per session. */
	@Transactional(readOnly = true)
	public Map<String, List<PaymentLinkView>> linksOf(Collection<String> sessionIds) {
		return links.findBySessionIdInOrderByAttemptDesc(sessionIds).stream().map(PaymentLink::view)
				.collect(Collectors.groupingBy(PaymentLinkView::sessionId, LinkedHashMap::new, Collectors.toList()));
	}

	/**
	 * Waits until the session's link is ACTIVE, no link is coming any more, or the time is up; woken by the link's
	 * creation in this instance. Deliberately not transactional: every look is a fresh read, never a stale entity
	 * from a persistence context held across the wait.
	 */
	public Optional<PaymentLinkView> awaitActive(String sessionId, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			CompletableFuture<Void> changed = signals.watch(sessionId);
			try {
				Optional<PaymentLinkView> link = active(sessionId);
				long remaining = deadline - System.nanoTime();
				if (link.isPresent() || remaining <= 0 || nothingComing(sessionId)) {
					return link;
				}
				changed.get(remaining, TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException e) {
				return active(sessionId);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return active(sessionId);
			}
			catch (ExecutionException e) {
				throw new IllegalStateException(e);
			}
			finally {
				signals.forget(sessionId, changed);
			}
		}
	}

	/** The latest link ended (refused, paid, expired) and none replaces it: waiting would not help. */
	private boolean nothingComing(String sessionId) {
		return links.findFirstBySessionIdOrderByAttemptDesc(sessionId).map(link -> !link.isLive()).orElse(false);
	}
}
