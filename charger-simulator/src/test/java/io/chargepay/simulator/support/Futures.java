package io.chargepay.simulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Java 17 has no CompletableFuture.exceptionNow(); this is it for tests. */
public final class Futures {

	private Futures() {
	}

	public static Throwable failure(CompletableFuture<?> future) {
		assertThat(future).isCompletedExceptionally();
		try {
			future.join();
		}
		catch (CompletionException e) {
			return e.getCause();
		}
		throw new AssertionError("not failed");
	}
}
