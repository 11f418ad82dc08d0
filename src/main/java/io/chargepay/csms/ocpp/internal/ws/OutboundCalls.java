package io.chargepay.csms.ocpp.internal.ws;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.CommandResult;
import org.jspecify.annotations.Nullable;

/**
 * One charger's CSMS→charger calls: one CALL in flight at a time (OCPP-J 1.6 §4.1.1), the rest waiting in order. Each
 * call ends within the call timeout, counted from when it was given; a disconnect ends every call at once.
 */
final class OutboundCalls {

	/** A call given to us, and how it ends. */
	private record Pending(String messageId, ChargerCommand command, CompletableFuture<CommandResult> result,
			ScheduledFuture<?> timeout, long submittedNanos) {
	}

	/** Told how each call ended, for metrics. */
	interface CallObserver {
		void ended(ChargerCommand command, CommandResult outcome, Duration latency);
	}

	private final Queue<Pending> waiting = new ArrayDeque<>();
	private final ScheduledExecutorService timer;
	private final Duration callTimeout;
	private final Consumer<String> sender;
	private final CallEncoder encoder;
	private @Nullable Pending inFlight;
	private boolean closed;

	/** Turns a command into its CALL frame. */
	interface CallEncoder {
		String encode(String messageId, ChargerCommand command);
	}

	/** Makes the calls of one connection, given how to put text on its wire. */
	record Factory(ScheduledExecutorService timer, Duration callTimeout, CallEncoder encoder, CallObserver observer) {
		OutboundCalls create(Consumer<String> sender) {
			return new OutboundCalls(this, sender);
		}
	}

	private final CallObserver observer;

	private OutboundCalls(Factory factory, Consumer<String> sender) {
		this.timer = factory.timer();
		this.callTimeout = factory.callTimeout();
		this.encoder = factory.encoder();
		this.observer = factory.observer();
		this.sender = sender;
	}

	CompletableFuture<CommandResult> submit(ChargerCommand command) {
		CompletableFuture<CommandResult> result = new CompletableFuture<>();
		String messageId = UUID.randomUUID().toString();
		ScheduledFuture<?> timeout = timer.schedule(() -> timedOut(messageId), callTimeout.toMillis(),
				TimeUnit.MILLISECONDS);
		Pending pending = new Pending(messageId, command, result, timeout, System.nanoTime());
		synchronized (this) {
			if (closed) {
				timeout.cancel(false);
				result.complete(new CommandResult.Offline());
				return result;
			}
			waiting.add(pending);
			if (inFlight == null) {
				sendNext();
			}
		}
		return result;
	}

	/** Completes the call in flight if {@code messageId} is its id; false for an id we are not waiting for. */
	boolean answered(String messageId, CommandResult outcome) {
		Pending done;
		synchronized (this) {
			if (inFlight == null || !inFlight.messageId().equals(messageId)) {
				return false;
			}
			done = inFlight;
			inFlight = null;
			sendNext();
		}
		finish(done, outcome);
		return true;
	}

	void closed() {
		List<Pending> abandoned = new ArrayList<>();
		synchronized (this) {
			closed = true;
			if (inFlight != null) {
				abandoned.add(inFlight);
				inFlight = null;
			}
			abandoned.addAll(waiting);
			waiting.clear();
		}
		abandoned.forEach(pending -> finish(pending, new CommandResult.Offline()));
	}

	private void timedOut(String messageId) {
		Pending expired = null;
		synchronized (this) {
			if (inFlight != null && inFlight.messageId().equals(messageId)) {
				expired = inFlight;
				inFlight = null;
				sendNext();
			}
			else {
				for (Pending pending : waiting) {
					if (pending.messageId().equals(messageId)) {
						expired = pending;
					}
				}
				waiting.remove(expired);
			}
		}
		if (expired != null) {
			finish(expired, new CommandResult.TimedOut());
		}
	}

	/** Called holding the lock; a call whose send fails is ended as offline and the next one tried. */
	private void sendNext() {
		while (inFlight == null && !waiting.isEmpty()) {
			Pending next = waiting.poll();
			inFlight = next;
			try {
				sender.accept(encoder.encode(next.messageId(), next.command()));
			}
			catch (RuntimeException notSent) {
				inFlight = null;
				finish(next, new CommandResult.Offline());
			}
		}
	}

	private void finish(Pending pending, CommandResult outcome) {
		pending.timeout().cancel(false);
		observer.ended(pending.command(), outcome, Duration.ofNanos(System.nanoTime() - pending.submittedNanos()));
		pending.result().complete(outcome);
	}
}
