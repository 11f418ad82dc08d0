package io.chargepay.simulator.scenario;

import java.util.List;

/** A scripted run: charger defaults, then steps, each an action and what its answer must show. */
public record Scenario(String name, String description, ScenarioCharger charger, List<ScenarioStep> steps) {
}
