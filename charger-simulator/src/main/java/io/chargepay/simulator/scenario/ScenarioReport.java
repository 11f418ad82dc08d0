package io.chargepay.simulator.scenario;

/** How a scenario went: expectations that held, those that did not, and whether a step broke off the run. */
public record ScenarioReport(String scenario, int passed, int failed, boolean aborted) {

	public boolean succeeded() {
		return failed == 0 && !aborted;
	}
}
