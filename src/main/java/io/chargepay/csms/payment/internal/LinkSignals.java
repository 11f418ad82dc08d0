package io.chargepay.csms.payment.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * Wakes up whoever waits for a session's link (the stop endpoint answering with it) as soon as the link's creation
 * came to a result in this instance, instead of polling the database.
 */
@Component
class LinkSignals {

	private final ConcurrentMap<String, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

	/** Completes at the session's next link change; register before looking, so that no change is missed. */
	CompletableFuture<Void> watch(String sessionId) {
		CompletableFuture<Void> signal = new CompletableFuture<>();
		waiting.compute(sessionId, (id, signals) -> {
			Set<CompletableFuture<Void>> all = signals == null ? new HashSet<>() : signals;
			all.add(signal);
			return all;
		});
		return signal;
	}

	/** The waiter gave up or got what it waited for. */
	void forget(String sessionId, CompletableFuture<Void> signal) {
		waiting.computeIfPresent(sessionId, (id, signals) -> {
			signals.remove(signal);
			return signals.isEmpty() ? null : signals;
		});
	}

	void changed(String sessionId) {
		Set<CompletableFuture<Void>> signals = waiting.remove(sessionId);
		if (signals != null) {
			signals.forEach(signal -> signal.complete(null));
		}
	}
}
