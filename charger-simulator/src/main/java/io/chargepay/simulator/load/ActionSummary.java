package io.chargepay.simulator.load;

/**
 * One action's numbers for a run. Errors are CALLERRORs, timeouts, and calls whose connection dropped before the
 * answer. Latencies are from our send to the answer, in milliseconds.
 */
public record ActionSummary(String action, long count, long answered, long errors, long callErrors, long timeouts,
		long lost, double p50Ms, double p95Ms, double p99Ms, double maxMs, double perSecond) {
}
