package io.chargepay.csms.ocpp.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts per key in fixed windows that start with each key's first count, for limits on what one peer or charger may
 * cost us. Memory is bounded: at most {@code maxKeys} keys are tracked, the oldest forgotten first.
 */
public final class FixedWindows<K> {

	private record Window(long startedNanos, AtomicInteger count) {
	}

	private final Cache<K, Window> windows;
	private final Duration length;

	public FixedWindows(Duration length, int maxKeys) {
		this.length = length;
		this.windows = Caffeine.newBuilder().expireAfterWrite(length).maximumSize(maxKeys).build();
	}

	public void count(K key) {
		window(key).count().incrementAndGet();
	}

	/** How long until {@code key}'s window ends, when it already holds {@code limit} counts. */
	public Optional<Duration> retryAfter(K key, int limit) {
		Window window = windows.getIfPresent(key);
		return window == null || window.count().get() < limit ? Optional.empty() : remaining(window);
	}

	/** Counts one for {@code key} unless its window already holds {@code limit}: empty when counted, else the wait. */
	public Optional<Duration> tryCount(K key, int limit) {
		Window window = window(key);
		if (window.count().incrementAndGet() <= limit) {
			return Optional.empty();
		}
		window.count().decrementAndGet();
		return remaining(window).or(() -> Optional.of(Duration.ZERO));
	}

	private Window window(K key) {
		return windows.get(key, ignored -> new Window(System.nanoTime(), new AtomicInteger()));
	}

	private Optional<Duration> remaining(Window window) {
		Duration left = length.minusNanos(System.nanoTime() - window.startedNanos());
		return left.isNegative() ? Optional.empty() : Optional.of(left);
	}
}
