package io.chargepay.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, a bare number of seconds, or
 * ISO-8601.
 */
public final class Durations {

	private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

	private Durations() {
	}

	public static Duration parse(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		if (value.startsWith("p")) {
			return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
		}
		Matcher matcher = SIMPLE.matcher(value);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("not a duration: '" + text + "' (try 500ms, 5s, 2m or 1h)");
		}
		double amount = Double.parseDouble(matcher.group(1));
		String unit = matcher.group(2) == null ? "s" : matcher.group(2);
		double millis = switch (unit) {
			case "ms" -> amount;
			case "m" -> amount * 60_000;
			case "h" -> amount * 3_600_000;
			default -> amount * 1000;
		};
		return Duration.ofMillis(Math.round(millis));
	}

	/** The short form back, for log lines and help defaults. */
	public static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis % 1000 != 0) {
			return millis + "ms";
		}
		return (millis / 1000) + "s";
	}
}
