package io.chargepay.simulator.scenario;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.chargepay.simulator.ocpp.ExchangeObserver;
import io.chargepay.simulator.ocpp.OcppMessage.Call;
import tools.jackson.databind.JsonNode;

/** Remembers the last payload sent per action, for expectations on what we sent ({@code sent.meterStop: ">0"}). */
public final class LastSentPayloads implements ExchangeObserver {

	private final Map<String, JsonNode> last = new ConcurrentHashMap<>();

	@Override
	public void callSent(String chargerId, Call call) {
		last.put(call.action(), call.payload());
	}

	public JsonNode last(String action) {
		return action == null ? null : last.get(action);
	}
}
