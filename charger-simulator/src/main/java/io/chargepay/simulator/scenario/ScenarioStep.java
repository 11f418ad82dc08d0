package io.chargepay.simulator.scenario;

import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One step: an action (boot, start, stop, offline, ...) with its argument, the expectations on its result, and how
 * long to wait for that result (null: the action's default).
 */
public record ScenarioStep(int number, String action, JsonNode argument, List<Expectation> expectations,
		Duration within) {

	public String label() {
		return number + " " + action + (argument == null || argument.isNull() || argument.isMissingNode() ? ""
				: " " + (argument.isString() ? argument.stringValue() : argument.toString()));
	}
}
