package io.chargepay.simulator.ocpp;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.chargepay.simulator.ocpp.OcppMessage.Call;
import io.chargepay.simulator.ocpp.OcppMessage.CallError;
import io.chargepay.simulator.ocpp.OcppMessage.CallResult;
import io.chargepay.simulator.transport.Lane;
import tools.jackson.databind.JsonNode;

/**
 * A charger's own outgoing CALLs. OCPP-J §4.1.1 allows one CALL in flight per direction, so the rest wait here, in
 * order. Transaction-related messages survive a lost connection and go out in order once it is back (OCPP 1.6 §3.7);
 * everything else is dropped while offline. Only used from the charger's lane, so it is not thread-safe.
 */
public final class CallQueue {

	/** How a call behaves around connection loss and boot. */
	public enum Delivery {
		/** Dropped when the charger is offline (Heartbeat, StatusNotification, ...). */
		BEST_EFFORT,
		/** Kept while offline and delivered in order after reconnecting (StartTransaction, StopTransaction, MeterValues). */
		TRANSACTIONAL,
		/** BootNotification: goes to the front and is the only call allowed until the CSMS accepts the charger. */
		BOOT
	}

	/** A call still waiting to be sent, as seen from outside. */
	public record QueuedCall(long sequence, String action, CompletableFuture<JsonNode> answer) {
	}

	/** Where frames go; the connection keeps them in send order. */
	public interface Wire {

		void send(String frame);
	}

	private enum Gate { CLOSED, BOOT_ONLY, OPEN }

	private final String chargerId;
	private final Lane lane;
	private final Duration timeout;
	private final ExchangeObserver observer;
	private final ArrayDeque<PendingCall> waiting = new ArrayDeque<>();
	private final List<CompletableFuture<Void>> drainWaiters = new ArrayList<>();
	private PendingCall inFlight;
	private Gate gate = Gate.CLOSED;
	private Wire wire;
	private long lastMessageId;
	private long lastSequence;

	public CallQueue(String chargerId, Lane lane, Duration timeout, ExchangeObserver observer) {
		this.chargerId = chargerId;
		this.lane = lane;
		this.timeout = timeout;
		this.observer = observer;
	}

	/**
	 * Queues a CALL. The payload is built when the call is sent, so a MeterValues queued behind a StartTransaction can
	 * carry the transactionId that the StartTransaction's answer brings.
	 */
	public CompletableFuture<JsonNode> call(String action, Supplier<?> payload, Delivery delivery) {
		PendingCall pending = new PendingCall(++lastSequence, action, payload, delivery);
		if (gate == Gate.CLOSED && delivery != Delivery.TRANSACTIONAL) {
			pending.answer.completeExceptionally(new NotConnectedException(action));
			return pending.answer;
		}
		if (delivery == Delivery.BOOT) {
			waiting.addFirst(pending);
		}
		else {
			waiting.addLast(pending);
		}
		pump();
		return pending.answer;
	}

	/** Connected, but not yet accepted: only BootNotification may go out (OCPP 1.6 §4.2). */
	public void openForBoot(Wire wire) {
		this.wire = wire;
		this.gate = Gate.BOOT_ONLY;
		pump();
	}

	/** Connected and accepted: everything flows, the offline backlog first. */
	public void open(Wire wire) {
		this.wire = wire;
		this.gate = Gate.OPEN;
		pump();
	}

	/** Matches a CALLRESULT or CALLERROR to the call in flight; false when nobody waits for it (late or unknown). */
	public boolean answer(OcppMessage answer) {
		PendingCall pending = inFlight;
		if (pending == null || !pending.call.messageId().equals(answer.messageId())) {
			return false;
		}
		inFlight = null;
		pending.timeoutTimer.cancel();
		long latency = lane.nanoTime() - pending.sentAt;
		observer.callAnswered(chargerId, pending.call, answer, latency);
		if (answer instanceof CallResult result) {
			pending.answer.complete(result.payload());
		}
		else if (answer instanceof CallError error) {
			pending.answer.completeExceptionally(
					new CallErrorException(pending.action, error.errorCode(), error.errorDescription()));
		}
		pump();
		return true;
	}

	/** The connection is gone: keep what OCPP says to keep, fail the rest. */
	public void connectionLost() {
		gate = Gate.CLOSED;
		wire = null;
		PendingCall lost = inFlight;
		inFlight = null;
		if (lost != null) {
			lost.timeoutTimer.cancel();
			if (lost.delivery == Delivery.TRANSACTIONAL) {
				// Sent but never answered: send it again, first, with the same message id.
				waiting.addFirst(lost);
			}
			else {
				NotConnectedException cause = new NotConnectedException(lost.action);
				observer.callFailed(chargerId, lost.action, cause, lane.nanoTime() - lost.sentAt);
				lost.answer.completeExceptionally(cause);
			}
		}
		for (Iterator<PendingCall> it = waiting.iterator(); it.hasNext();) {
			PendingCall pending = it.next();
			if (pending.delivery != Delivery.TRANSACTIONAL) {
				it.remove();
				pending.answer.completeExceptionally(new NotConnectedException(pending.action));
			}
		}
		checkDrained();
	}

	/** Gives up on every call, for shutdown. */
	public void failAll(RuntimeException cause) {
		connectionLost();
		waiting.forEach(pending -> pending.answer.completeExceptionally(cause));
		waiting.clear();
		checkDrained();
	}

	/** The calls waiting to be sent, oldest first (the offline backlog when the charger is offline). */
	public List<QueuedCall> waitingCalls() {
		return waiting.stream().map(p -> new QueuedCall(p.sequence, p.action, p.answer)).toList();
	}

	/** Completes once nothing is waiting and nothing is in flight. */
	public CompletableFuture<Void> whenDrained() {
		CompletableFuture<Void> drained = new CompletableFuture<>();
		drainWaiters.add(drained);
		checkDrained();
		return drained;
	}

	public int size() {
		return waiting.size() + (inFlight == null ? 0 : 1);
	}

	private void pump() {
		while (inFlight == null && wire != null && !waiting.isEmpty() && mayGo(waiting.peekFirst())) {
			PendingCall next = waiting.removeFirst();
			if (next.call == null && !render(next)) {
				continue;
			}
			inFlight = next;
			next.sentAt = lane.nanoTime();
			next.timeoutTimer = lane.schedule(timeout, () -> timedOut(next));
			observer.callSent(chargerId, next.call);
			wire.send(OcppFrames.write(next.call));
		}
		checkDrained();
	}

	private boolean mayGo(PendingCall next) {
		return gate == Gate.OPEN || (gate == Gate.BOOT_ONLY && next.delivery == Delivery.BOOT);
	}

	private boolean render(PendingCall pending) {
		try {
			JsonNode payload = Json.tree(pending.payload.get());
			pending.call = new Call(Long.toString(++lastMessageId), pending.action, payload);
			return true;
		}
		catch (RuntimeException e) {
			// For example a StopTransaction whose StartTransaction never got a transactionId.
			observer.note(chargerId, pending.action + " not sent: " + e.getMessage());
			pending.answer.completeExceptionally(e);
			return false;
		}
	}

	private void timedOut(PendingCall pending) {
		if (inFlight != pending) {
			return;
		}
		inFlight = null;
		CallTimeoutException cause = new CallTimeoutException(pending.action, timeout);
		observer.callFailed(chargerId, pending.action, cause, lane.nanoTime() - pending.sentAt);
		pending.answer.completeExceptionally(cause);
		pump();
	}

	private void checkDrained() {
		if (inFlight == null && waiting.isEmpty() && !drainWaiters.isEmpty()) {
			List<CompletableFuture<Void>> done = new ArrayList<>(drainWaiters);
			drainWaiters.clear();
			done.forEach(future -> future.complete(null));
		}
	}

	private static final class PendingCall {

		final long sequence;
		final String action;
		final Supplier<?> payload;
		final Delivery delivery;
		final CompletableFuture<JsonNode> answer = new CompletableFuture<>();
		Call call;
		long sentAt;
		Lane.Cancellable timeoutTimer = Lane.Cancellable.NONE;

		PendingCall(long sequence, String action, Supplier<?> payload, Delivery delivery) {
			this.sequence = sequence;
			this.action = action;
			this.payload = payload;
			this.delivery = delivery;
		}
	}
}
