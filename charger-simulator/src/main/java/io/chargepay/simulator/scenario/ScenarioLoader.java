package io.chargepay.simulator.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chargepay.simulator.Durations;
import io.chargepay.simulator.ocpp.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads scenarios from YAML or JSON files, or from the built-ins shipped in the jar. {@code ${idTag}} and
 * {@code ${chargerId}} in the text are replaced first, so one script serves any charger and card.
 */
public final class ScenarioLoader {

	public static final List<String> BUILT_INS = List.of("full-session", "rfid-session", "offline-replay",
			"duplicate-stop", "reboot", "remote-session");

	private static final Set<String> NOT_ACTIONS = Set.of("expect", "within");
	private static final ObjectMapper YAML = YAMLMapper.builder().build();

	private ScenarioLoader() {
	}

	/** A built-in by name, or else a file. */
	public static Scenario load(String nameOrPath, Map<String, String> variables) {
		if (BUILT_INS.contains(nameOrPath)) {
			return builtIn(nameOrPath, variables);
		}
		Path file = Path.of(nameOrPath);
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("no scenario '" + nameOrPath + "': not a file, nor one of " + BUILT_INS);
		}
		try {
			String name = file.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
			boolean json = file.toString().endsWith(".json");
			return parse(name, Files.readString(file, StandardCharsets.UTF_8), json, variables);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static Scenario builtIn(String name, Map<String, String> variables) {
		try (InputStream in = ScenarioLoader.class.getResourceAsStream("/scenarios/" + name + ".yaml")) {
			if (in == null) {
				throw new IllegalArgumentException("no built-in scenario " + name);
			}
			return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), false, variables);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static Scenario parse(String defaultName, String text, boolean json, Map<String, String> variables) {
		String substituted = text;
		for (Map.Entry<String, String> variable : variables.entrySet()) {
			substituted = substituted.replace("${" + variable.getKey() + "}", variable.getValue());
		}
		JsonNode root;
		try {
			root = (json ? Json.MAPPER : YAML).readTree(substituted);
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException("scenario " + defaultName + " is not valid "
					+ (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage(), e);
		}
		if (root == null || !root.isObject() || !root.path("steps").isArray()) {
			throw new IllegalArgumentException("scenario " + defaultName + " needs a 'steps' list");
		}
		List<ScenarioStep> steps = new ArrayList<>();
		for (JsonNode step : root.path("steps").values()) {
			steps.add(step(steps.size() + 1, step));
		}
		return new Scenario(root.path("name").asString(defaultName), root.path("description").asString(""),
				charger(root.path("charger")), List.copyOf(steps));
	}

	private static ScenarioCharger charger(JsonNode node) {
		if (!node.isObject()) {
			return ScenarioCharger.DEFAULTS;
		}
		return new ScenarioCharger(node.hasNonNull("connectors") ? node.get("connectors").asInt() : null,
				node.hasNonNull("powerKw") ? node.get("powerKw").asDouble() : null, duration(node.get("meterInterval")),
				duration(node.get("heartbeatInterval")));
	}

	private static ScenarioStep step(int number, JsonNode node) {
		if (node.isString()) {
			return validated(new ScenarioStep(number, node.stringValue(), null, List.of(), null));
		}
		if (!node.isObject()) {
			throw new IllegalArgumentException("step " + number + " must be an action name or a map");
		}
		String action = null;
		JsonNode argument = null;
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			if (!NOT_ACTIONS.contains(field.getKey())) {
				if (action != null) {
					throw new IllegalArgumentException("step " + number + " has two actions: " + action + " and "
							+ field.getKey());
				}
				action = field.getKey();
				argument = field.getValue();
			}
		}
		if (action == null) {
			throw new IllegalArgumentException("step " + number + " has no action");
		}
		List<Expectation> expectations = new ArrayList<>();
		JsonNode expect = node.path("expect");
		for (Iterator<Map.Entry<String, JsonNode>> it = expect.properties().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> check = it.next();
			expectations.add(new Expectation(check.getKey(), check.getValue()));
		}
		return validated(new ScenarioStep(number, action, argument, List.copyOf(expectations),
				duration(node.get("within"))));
	}

	private static ScenarioStep validated(ScenarioStep step) {
		if (!StepActions.NAMES.contains(step.action())) {
			throw new IllegalArgumentException("step " + step.number() + ": unknown action '" + step.action()
					+ "'; known: " + StepActions.NAMES);
		}
		return step;
	}

	private static Duration duration(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		return node.isNumber() ? Duration.ofMillis(Math.round(node.asDouble() * 1000)) : Durations.parse(node.asString());
	}
}
