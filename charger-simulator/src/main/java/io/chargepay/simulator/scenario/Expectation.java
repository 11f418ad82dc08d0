package io.chargepay.simulator.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.StringNode;

/**
 * One check on a step's result. The path is dotted ({@code idTagInfo.status}, {@code replayed.0},
 * {@code replayed.last}); {@code sent.} looks at the payload we sent instead of the answer; {@code error} is the
 * CALLERROR code. The expected value is a literal, {@code present}, {@code absent}, or a comparison such as
 * {@code >0}.
 */
public record Expectation(String path, JsonNode expected) {

	private static final Pattern COMPARISON = Pattern.compile("(>=|<=|!=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)");

	public static final String ERROR = "error";
	public static final String SENT = "sent.";

	public Verdict check(JsonNode result, JsonNode sent, String errorCode) {
		JsonNode actual;
		if (ERROR.equals(path)) {
			actual = errorCode == null ? MissingNode.getInstance() : StringNode.valueOf(errorCode);
		}
		else if (path.startsWith(SENT)) {
			actual = resolve(sent, path.substring(SENT.length()));
		}
		else {
			actual = resolve(result, path);
		}
		boolean passed = matches(actual);
		String shown = actual.isMissingNode() ? "absent" : actual.isString() ? actual.stringValue() : actual.toString();
		return new Verdict(passed, path + " " + describeExpected() + " (was " + shown + ")");
	}

	static JsonNode resolve(JsonNode root, String dottedPath) {
		JsonNode node = root == null ? MissingNode.getInstance() : root;
		for (String part : dottedPath.split("\\.")) {
			if (node.isArray()) {
				int index = "last".equals(part) ? node.size() - 1 : parseIndex(part);
				node = index < 0 ? MissingNode.getInstance() : node.path(index);
			}
			else {
				node = node.path(part);
			}
		}
		return node.isNull() ? MissingNode.getInstance() : node;
	}

	private boolean matches(JsonNode actual) {
		if (expected.isString()) {
			String text = expected.stringValue().trim();
			if ("present".equals(text)) {
				return !actual.isMissingNode();
			}
			if ("absent".equals(text)) {
				return actual.isMissingNode();
			}
			Matcher comparison = COMPARISON.matcher(text);
			if (comparison.matches()) {
				return compare(actual, comparison.group(1), Double.parseDouble(comparison.group(2)));
			}
			return !actual.isMissingNode() && text.equals(actual.isString() ? actual.stringValue() : actual.toString());
		}
		if (expected.isNumber()) {
			return actual.isNumber() && actual.decimalValue().compareTo(expected.decimalValue()) == 0;
		}
		return expected.equals(actual);
	}

	private static boolean compare(JsonNode actual, String operator, double bound) {
		if (!actual.isNumber() && !(actual.isString() && actual.stringValue().matches("-?\\d+(\\.\\d+)?"))) {
			return false;
		}
		double value = actual.isNumber() ? actual.doubleValue() : Double.parseDouble(actual.stringValue());
		return switch (operator) {
			case ">" -> value > bound;
			case ">=" -> value >= bound;
			case "<" -> value < bound;
			case "<=" -> value <= bound;
			default -> value != bound;
		};
	}

	private String describeExpected() {
		if (expected.isString()) {
			String text = expected.stringValue().trim();
			if ("present".equals(text) || "absent".equals(text)) {
				return "is " + text;
			}
			if (COMPARISON.matcher(text).matches()) {
				return text.replaceAll("^(>=|<=|!=|>|<)\\s*", "$1 ");
			}
			return "== " + text;
		}
		return "== " + expected;
	}

	private static int parseIndex(String part) {
		try {
			return Integer.parseInt(part);
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}
}
