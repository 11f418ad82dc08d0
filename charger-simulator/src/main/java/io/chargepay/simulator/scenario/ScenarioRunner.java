package io.chargepay.simulator.scenario;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.chargepay.simulator.charger.ChargePoint;
import io.chargepay.simulator.ocpp.CallErrorException;
import io.chargepay.simulator.ocpp.Json;
import tools.jackson.databind.JsonNode;

/**
 * Runs a scenario's steps in order against one charger and prints every expectation as PASS or FAIL. A step that
 * sends a CALL expects an answer even when it names no expectation; a step that fails outright (timeout, refused
 * connection) ends the run, as what follows would only time out too.
 */
public final class ScenarioRunner {

	private final PrintWriter out;

	public ScenarioRunner(PrintWriter out) {
		this.out = out;
	}

	public ScenarioReport run(Scenario scenario, ChargePoint charger, LastSentPayloads sent, Duration callTimeout,
			Duration connectTimeout) {
		StepActions actions = new StepActions(charger, callTimeout, connectTimeout);
		Tally tally = new Tally();
		boolean offline = false;
		out.println("scenario " + scenario.name() + (scenario.description().isEmpty() ? "" : ": " + scenario.description()));
		for (ScenarioStep step : scenario.steps()) {
			out.println("▶ step " + step.label());
			if (offline && StepActions.QUEUED_OFFLINE.contains(step.action())) {
				// Its answer only comes after reconnecting; the online step checks that delivery.
				actions.run(step);
				out.println("  queued while offline" + (step.expectations().isEmpty() ? "" : "; expectations checked at 'online'"));
				continue;
			}
			StepResult result = await(actions.run(step), actions.within(step));
			if (result.failure() != null) {
				tally.fail(step.label() + ": " + result.failure());
				out.println("  remaining steps skipped");
				return summary(tally.report(scenario.name(), true));
			}
			check(step, result, sent.last(StepActions.ocppAction(step)), tally);
			if ("offline".equals(step.action())) {
				offline = true;
			}
			else if ("online".equals(step.action()) || "reboot".equals(step.action())) {
				offline = false;
			}
		}
		return summary(tally.report(scenario.name(), false));
	}

	private ScenarioReport summary(ScenarioReport report) {
		out.println("scenario " + report.scenario() + ": " + report.passed() + " PASS, " + report.failed() + " FAIL"
				+ (report.aborted() ? ", stopped early" : ""));
		return report;
	}

	private void check(ScenarioStep step, StepResult result, JsonNode sentPayload, Tally tally) {
		boolean expectsError = step.expectations().stream().anyMatch(e -> Expectation.ERROR.equals(e.path()));
		if (result.errorCode() != null && !expectsError) {
			tally.fail(step.label() + ": answered with CALLERROR " + result.errorCode());
			return;
		}
		if (step.expectations().isEmpty() && StepActions.sendsCall(step)) {
			tally.pass(step.label() + ": answered");
			return;
		}
		for (Expectation expectation : step.expectations()) {
			Verdict verdict = expectation.check(result.value(), sentPayload, result.errorCode());
			if (verdict.passed()) {
				tally.pass(verdict.text());
			}
			else {
				tally.fail(verdict.text());
			}
		}
	}

	private static StepResult await(CompletableFuture<JsonNode> outcome, Duration within) {
		try {
			JsonNode value = outcome.get(within.toMillis(), TimeUnit.MILLISECONDS);
			return new StepResult(value == null ? Json.object() : value, null, null);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof CallErrorException callError) {
				return new StepResult(Json.object(), callError.errorCode(), null);
			}
			return new StepResult(null, null, String.valueOf(e.getCause().getMessage()));
		}
		catch (TimeoutException e) {
			return new StepResult(null, null, "no result within " + within.toMillis() + " ms");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new StepResult(null, null, "interrupted");
		}
	}

	private record StepResult(JsonNode value, String errorCode, String failure) {
	}

	/** Counts and prints verdicts as they come. */
	private final class Tally {

		private int passed;
		private int failed;

		void pass(String text) {
			passed++;
			out.println("  PASS  " + text);
		}

		void fail(String text) {
			failed++;
			out.println("  FAIL  " + text);
		}

		ScenarioReport report(String name, boolean aborted) {
			return new ScenarioReport(name, passed, failed, aborted);
		}
	}
}
