package io.chargepay.simulator.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.chargepay.simulator.ocpp.Json;

/**
 * The outcome of a load run, printed as a table and written as JSON for CI and dashboards. Connection attempts that
 * failed were retried; {@code connects} counts the ones that got through. {@code window} is null when the run had no
 * measurement window.
 */
public record LoadReport(String startedAt, double seconds, int chargers, long connects, long connectFailures,
		Map<String, Long> connectFailureReasons, long disconnects, long bootsAccepted, long messagesSent,
		long messagesReceived, double messagesPerSecond, long errors, ActionSummary handshake,
		List<ActionSummary> actions, Window window) {

	/** The calls of the measurement window, from and until seconds after the run's start. */
	public record Window(double fromSeconds, double untilSeconds, List<ActionSummary> actions) {
	}

	/** Every call answered without CALLERROR, none timed out, and every connection attempt got through. */
	public boolean clean() {
		return errors == 0 && connectFailures == 0;
	}

	public void write(Path file) throws IOException {
		Path parent = file.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
	}

	public void print(PrintWriter out) {
		out.printf(Locale.ROOT, "%nload run: %d chargers, %.1f s, %d connections (%d failed, %d dropped), %d booted%n",
				chargers, seconds, connects, connectFailures, disconnects, bootsAccepted);
		connectFailureReasons.forEach((reason, count) -> out.printf(Locale.ROOT, "  %d x %s%n", count, reason));
		out.printf(Locale.ROOT, "messages: %d sent, %d received, %.1f msg/s; errors %d%n", messagesSent,
				messagesReceived, messagesPerSecond, errors);
		header(out);
		for (ActionSummary action : actions) {
			row(out, action);
		}
		row(out, handshake);
		if (window != null) {
			out.printf(Locale.ROOT, "measurement window, %.0f s to %.0f s (the ramp and the drain left out):%n",
					window.fromSeconds(), window.untilSeconds());
			header(out);
			for (ActionSummary action : window.actions()) {
				row(out, action);
			}
		}
	}

	private static void header(PrintWriter out) {
		out.printf(Locale.ROOT, "%-22s %9s %7s %8s %9s %9s %9s %9s %9s%n", "action", "count", "errors", "timeouts",
				"p50 ms", "p95 ms", "p99 ms", "max ms", "msg/s");
	}

	private static void row(PrintWriter out, ActionSummary action) {
		out.printf(Locale.ROOT, "%-22s %9d %7d %8d %9.2f %9.2f %9.2f %9.2f %9.1f%n", action.action(), action.count(),
				action.errors(), action.timeouts(), action.p50Ms(), action.p95Ms(), action.p99Ms(), action.maxMs(),
				action.perSecond());
	}
}
