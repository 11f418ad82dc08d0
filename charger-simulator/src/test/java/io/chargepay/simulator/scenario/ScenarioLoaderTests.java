package io.chargepay.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ScenarioLoaderTests {

	private static final Map<String, String> VARIABLES = Map.of("idTag", "TAG-X", "chargerId", "CP-9");

	@Test
	void everyBuiltInLoads() {
		for (String name : ScenarioLoader.BUILT_INS) {
			Scenario scenario = ScenarioLoader.builtIn(name, VARIABLES);
			assertThat(scenario.name()).isEqualTo(name);
			assertThat(scenario.steps()).isNotEmpty();
		}
	}

	@Test
	void readsYamlWithVariablesExpectationsAndChargerDefaults() {
		Scenario scenario = ScenarioLoader.parse("mine", """
				name: mine
				charger:
				  connectors: 2
				  meterInterval: 2s
				steps:
				  - boot:
				    expect:
				      status: Accepted
				  - start: {connector: 2, idTag: "${idTag}"}
				    within: 5s
				    expect:
				      transactionId: ">0"
				  - offline
				""", false, VARIABLES);

		assertThat(scenario.charger().connectors()).isEqualTo(2);
		assertThat(scenario.charger().meterInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(scenario.steps()).extracting(ScenarioStep::action).containsExactly("boot", "start", "offline");
		ScenarioStep start = scenario.steps().get(1);
		assertThat(start.argument().path("idTag").asString()).isEqualTo("TAG-X");
		assertThat(start.within()).isEqualTo(Duration.ofSeconds(5));
		assertThat(start.expectations()).extracting(Expectation::path).containsExactly("transactionId");
	}

	@Test
	void readsJson() {
		Scenario scenario = ScenarioLoader.parse("j", """
				{"steps": [{"boot": null, "expect": {"status": "Accepted"}}, {"heartbeat": null}]}
				""", true, VARIABLES);

		assertThat(scenario.steps()).extracting(ScenarioStep::action).containsExactly("boot", "heartbeat");
	}

	@Test
	void namesTheStepWithAnUnknownAction() {
		assertThatThrownBy(() -> ScenarioLoader.parse("bad", "steps: [boot, dance]", false, VARIABLES))
				.hasMessageContaining("step 2: unknown action 'dance'");
	}
}
