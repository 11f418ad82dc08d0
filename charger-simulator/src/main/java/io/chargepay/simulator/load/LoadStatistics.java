package io.chargepay.simulator.load;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.chargepay.simulator.ocpp.CallTimeoutException;
import io.chargepay.simulator.ocpp.ExchangeObserver;
import io.chargepay.simulator.ocpp.OcppMessage;
import io.chargepay.simulator.ocpp.OcppMessage.Call;
import io.chargepay.simulator.ocpp.OcppMessage.CallError;
import io.chargepay.simulator.ocpp.OcppMessage.CallResult;

/** Every charger of a load run reports here: per-action counts and latencies, connections, frames in and out. */
public final class LoadStatistics implements ExchangeObserver {

	private static final int MAX_REASONS = 10;

	private final Map<String, ActionStatistics> actions = new ConcurrentHashMap<>();
	/** The same, for what is sent, answered or fails while the measurement window is open. */
	private final Map<String, ActionStatistics> windowActions = new ConcurrentHashMap<>();
	private volatile boolean windowOpen;
	private final ActionStatistics handshakes = new ActionStatistics("(connect)");
	private final AtomicInteger connectedNow = new AtomicInteger();
	private final LongAdder connectFailures = new LongAdder();
	/** Why connections failed, counted; a few kinds are enough to tell a refusal from an overloaded CSMS. */
	private final Map<String, LongAdder> connectFailureReasons = new ConcurrentHashMap<>();
	private final LongAdder disconnects = new LongAdder();
	private final LongAdder bootsAccepted = new LongAdder();
	private final LongAdder framesSent = new LongAdder();
	private final LongAdder framesReceived = new LongAdder();
	private final LongAdder commandsReceived = new LongAdder();

	@Override
	public void connected(String chargerId, long handshakeNanos) {
		connectedNow.incrementAndGet();
		handshakes.sent();
		handshakes.answered(false, handshakeNanos);
	}

	@Override
	public void connectFailed(String chargerId, String reason) {
		connectFailures.increment();
		String kind = connectFailureReasons.size() < MAX_REASONS || connectFailureReasons.containsKey(reason) ? reason
				: "(other)";
		connectFailureReasons.computeIfAbsent(kind, key -> new LongAdder()).increment();
	}

	@Override
	public void disconnected(String chargerId, String reason) {
		connectedNow.decrementAndGet();
		disconnects.increment();
	}

	@Override
	public void callSent(String chargerId, Call call) {
		framesSent.increment();
		count(call.action(), ActionStatistics::sent);
	}

	@Override
	public void callAnswered(String chargerId, Call call, OcppMessage answer, long latencyNanos) {
		framesReceived.increment();
		count(call.action(), statistics -> statistics.answered(answer instanceof CallError, latencyNanos));
		if ("BootNotification".equals(call.action()) && answer instanceof CallResult result
				&& "Accepted".equals(result.payload().path("status").asString(""))) {
			bootsAccepted.increment();
		}
	}

	@Override
	public void callFailed(String chargerId, String action, Throwable cause, long latencyNanos) {
		count(action, cause instanceof CallTimeoutException ? ActionStatistics::timedOut : ActionStatistics::lost);
	}

	/** From now on, calls count in the measurement window too (a call answered after it closes does not). */
	public void openWindow() {
		windowOpen = true;
	}

	public void closeWindow() {
		windowOpen = false;
	}

	@Override
	public void commandReceived(String chargerId, Call call) {
		framesReceived.increment();
		commandsReceived.increment();
	}

	@Override
	public void commandAnswered(String chargerId, Call call, OcppMessage answer) {
		framesSent.increment();
	}

	public int connectedNow() {
		return connectedNow.get();
	}

	public long connects() {
		return handshakes.sentCount();
	}

	public long connectFailures() {
		return connectFailures.sum();
	}

	public Map<String, Long> connectFailureReasons() {
		Map<String, Long> counts = new TreeMap<>();
		connectFailureReasons.forEach((reason, count) -> counts.put(reason, count.sum()));
		return counts;
	}

	public long disconnects() {
		return disconnects.sum();
	}

	public long bootsAccepted() {
		return bootsAccepted.sum();
	}

	public long frames() {
		return framesSent.sum() + framesReceived.sum();
	}

	public long framesSent() {
		return framesSent.sum();
	}

	public long framesReceived() {
		return framesReceived.sum();
	}

	public long commandsReceived() {
		return commandsReceived.sum();
	}

	/** CALLERRORs, timeouts and lost calls over all actions. */
	public long errors() {
		return actions.values().stream().mapToLong(ActionStatistics::errors).sum();
	}

	public long answered() {
		return actions.values().stream().mapToLong(ActionStatistics::answeredCount).sum();
	}

	public List<ActionSummary> summaries(long elapsedNanos) {
		return actions.values().stream().map(stats -> stats.summary(elapsedNanos))
				.sorted(Comparator.comparing(ActionSummary::action)).toList();
	}

	/** The measurement window's calls; rates are over the window's length. */
	public List<ActionSummary> windowSummaries(long windowNanos) {
		return windowActions.values().stream().map(stats -> stats.summary(windowNanos))
				.sorted(Comparator.comparing(ActionSummary::action)).toList();
	}

	public ActionSummary handshakeSummary(long elapsedNanos) {
		return handshakes.summary(elapsedNanos);
	}

	/** Counts in the whole run's statistics and, while it is open, in the measurement window's. */
	private void count(String action, Consumer<ActionStatistics> update) {
		update.accept(actions.computeIfAbsent(action, ActionStatistics::new));
		if (windowOpen) {
			update.accept(windowActions.computeIfAbsent(action, ActionStatistics::new));
		}
	}
}
