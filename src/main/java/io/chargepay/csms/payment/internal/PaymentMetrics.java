package io.chargepay.csms.payment.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.chargepay.csms.payment.PaymentLinkStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Payment links as operators watch them: links by provider and status and the amount paid by currency (read from the
 * database every few seconds, so they survive restarts and count every path that changes a link), the backlog of
 * links waiting for their provider, and each provider call's outcome and latency.
 */
@Component
class PaymentMetrics {

	private final MeterRegistry meters;
	private final PaymentLinkRepository links;
	private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

	/** The outcomes LinkCreation records a provider call under. */
	private static final List<String> CALL_OUTCOMES = List.of("created", "rejected", "unavailable");

	PaymentMetrics(MeterRegistry meters, PaymentLinkRepository links, PaymentLinkProvider provider,
			@Value("${csms.payments.currency:usd}") String currency) {
		this.meters = meters;
		this.links = links;
		// From start-up, so a fresh system's panels read 0 rather than "No data" before its first link.
		CALL_OUTCOMES.forEach(outcome -> callTimer(provider.name(), outcome));
		for (PaymentLinkStatus status : PaymentLinkStatus.values()) {
			linksGauge(provider.name(), status);
		}
		paidGauge(currency.toLowerCase(java.util.Locale.ROOT));
		backlogGauge();
	}

	void providerCall(String provider, String outcome, long nanos) {
		callTimer(provider, outcome).record(Duration.ofNanos(nanos));
	}

	private Timer callTimer(String provider, String outcome) {
		return Timer.builder("csms.payment.provider.calls").tag("provider", provider).tag("outcome", outcome)
				.publishPercentileHistogram().description("Payment-link provider calls by outcome, with latency")
				.register(meters);
	}

	@Scheduled(fixedDelayString = "${csms.metrics.payment-count-interval:10s}")
	void count() {
		values.values().forEach(value -> value.set(0));
		for (Object[] row : links.countByProviderAndStatus()) {
			linksGauge((String) row[0], (PaymentLinkStatus) row[1]).set(((Number) row[2]).longValue());
		}
		for (Object[] row : links.sumPaidByCurrency()) {
			paidGauge((String) row[0]).set(((Number) row[1]).longValue());
		}
		backlogGauge().set(links.countByStatus(PaymentLinkStatus.PENDING));
	}

	private AtomicLong backlogGauge() {
		return gauge("csms.payment.backlog", List.of(), "Payment links waiting for their provider (outbox backlog)");
	}

	private AtomicLong paidGauge(String currency) {
		return gauge("csms.payment.paid.amount.minor", List.of("currency", currency),
				"Amount paid through payment links, in minor units");
	}

	private AtomicLong linksGauge(String provider, PaymentLinkStatus status) {
		return gauge("csms.payment.links", List.of("provider", provider, "status", status.name().toLowerCase()),
				"Payment links by provider and status");
	}

	private AtomicLong gauge(String name, List<String> tags, String description) {
		return values.computeIfAbsent(name + tags, key -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder(name, value, AtomicLong::get).tags(tags.toArray(String[]::new)).description(description)
					.register(meters);
			return value;
		});
	}
}
