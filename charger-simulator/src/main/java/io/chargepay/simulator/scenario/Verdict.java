package io.chargepay.simulator.scenario;

/** The outcome of one expectation, worded for the PASS/FAIL line. */
public record Verdict(boolean passed, String text) {
}
