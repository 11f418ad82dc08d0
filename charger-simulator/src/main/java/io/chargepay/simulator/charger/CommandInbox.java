package io.chargepay.simulator.charger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.chargepay.simulator.charger.command.CommandDispatcher;
import io.chargepay.simulator.charger.command.CommandTarget;
import io.chargepay.simulator.ocpp.ExchangeObserver;
import io.chargepay.simulator.ocpp.OcppFrames;
import io.chargepay.simulator.ocpp.OcppMessage.Call;
import io.chargepay.simulator.transport.OcppWebSocket;
import tools.jackson.databind.JsonNode;

/**
 * The CSMS's CALLs to this charger: each is answered at once (they do not wait behind our own calls, OCPP-J §4.1.1
 * limits each direction separately), then acted on, and kept for a script that wants to see it. Runs on the lane.
 */
final class CommandInbox {

	/** Commands kept per action for a script to claim later; older ones are forgotten. */
	private static final int UNCLAIMED_KEPT = 16;

	private final String chargerId;
	private final CommandDispatcher commands;
	private final CommandTarget target;
	private final ExchangeObserver observer;
	private final Map<String, List<CompletableFuture<JsonNode>>> waiters = new HashMap<>();
	private final Map<String, ArrayDeque<JsonNode>> unclaimed = new HashMap<>();

	CommandInbox(String chargerId, CommandDispatcher commands, CommandTarget target, ExchangeObserver observer) {
		this.chargerId = chargerId;
		this.commands = commands;
		this.target = target;
		this.observer = observer;
	}

	void answer(OcppWebSocket from, Call call) {
		observer.commandReceived(chargerId, call);
		CommandDispatcher.Reply reply = commands.dispatch(call, target);
		from.send(OcppFrames.write(reply.frame()));
		observer.commandAnswered(chargerId, call, reply.frame());
		List<CompletableFuture<JsonNode>> waiting = waiters.remove(call.action());
		if (waiting != null) {
			waiting.forEach(waiter -> waiter.complete(call.payload()));
		}
		else {
			ArrayDeque<JsonNode> kept = unclaimed.computeIfAbsent(call.action(), key -> new ArrayDeque<>());
			kept.add(call.payload());
			if (kept.size() > UNCLAIMED_KEPT) {
				kept.poll();
			}
		}
		// After the answer is on its way, so that, say, a triggered message never overtakes TriggerMessage.conf.
		reply.afterAnswer().run();
	}

	/**
	 * The oldest command of this action that no one has claimed yet, or else the next to arrive. Claiming, not just
	 * waiting, means a script that asks a moment after the CSMS sent the command still gets it.
	 */
	CompletableFuture<JsonNode> next(String action) {
		ArrayDeque<JsonNode> kept = unclaimed.get(action);
		if (kept != null && !kept.isEmpty()) {
			return CompletableFuture.completedFuture(kept.poll());
		}
		CompletableFuture<JsonNode> next = new CompletableFuture<>();
		waiters.computeIfAbsent(action, key -> new ArrayList<>()).add(next);
		return next;
	}
}
