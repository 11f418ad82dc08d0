package io.chargepay.csms.session.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.chargepay.csms.session.SessionEnded;
import org.springframework.stereotype.Component;

/** Lets a stop request wait for the StopTransaction that finishes its session, once that is committed. */
@Component
public class SessionCompletions {

	private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

	public CompletableFuture<Void> expect(String sessionId) {
		return waiting.computeIfAbsent(sessionId, id -> new CompletableFuture<>());
	}

	/** True if the session finished within {@code wait}. */
	public boolean await(String sessionId, CompletableFuture<Void> completion, Duration wait) {
		try {
			completion.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException notYet) {
			return false;
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (java.util.concurrent.ExecutionException impossible) {
			return false;
		}
		finally {
			waiting.remove(sessionId, completion);
		}
	}

	/** Stops waiting without waiting: the stop request ended another way. */
	public void forget(String sessionId, CompletableFuture<Void> completion) {
		waiting.remove(sessionId, completion);
	}

	/** Called once the session's end is committed (see ChargerTransactions). */
	void ended(SessionEnded ended) {
		CompletableFuture<Void> completion = waiting.get(ended.sessionId());
		if (completion != null) {
			completion.complete(null);
		}
	}
}
