package io.chargepay.csms.session.internal;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The number in a sampled value, when it is one we can store, or why not. The schema types {@code value} as any
 * string, so a charger may send "1E+1000000000": parsing that is cheap, but writing it out in full (the database
 * driver's toPlainString) takes gigabytes. So a value is kept as a number only when it fits {@code numeric_value}
 * (DECIMAL(24,6)); otherwise the raw text alone is stored, with a flag saying why.
 */
record SampledNumber(@Nullable BigDecimal value, @Nullable Flag flag) {

	/** Why a sampled value has no number stored. */
	enum Flag {
		/** The raw text was longer than its column and was cut. */
		TRUNCATED,
		/** A Raw value that is not a decimal number. */
		NOT_A_NUMBER,
		/** More digits before or after the point than the column holds, or an absurd exponent. */
		OUT_OF_RANGE,
		/** A register (a meter reading that only grows) below zero. */
		NEGATIVE_REGISTER
	}

	static final int INTEGER_DIGITS = 18;
	static final int FRACTION_DIGITS = 6;
	/** Longer than any number that fits: no need to parse it to know. */
	private static final int MAX_NUMBER_LENGTH = 64;

	static SampledNumber of(String raw, boolean rawFormat, String measurand) {
		if (!rawFormat) {
			return new SampledNumber(null, null);
		}
		String text = raw.trim();
		if (text.length() > MAX_NUMBER_LENGTH) {
			return flagged(Flag.OUT_OF_RANGE);
		}
		BigDecimal number;
		try {
			number = new BigDecimal(text);
		}
		catch (NumberFormatException notANumber) {
			return flagged(Flag.NOT_A_NUMBER);
		}
		return checked(number.stripTrailingZeros(), measurand);
	}

	private static SampledNumber checked(BigDecimal number, String measurand) {
		// precision and scale are fields of the parsed value: no digits are materialized to compare them.
		if (number.scale() > FRACTION_DIGITS || number.precision() - number.scale() > INTEGER_DIGITS) {
			return flagged(Flag.OUT_OF_RANGE);
		}
		if (number.signum() < 0 && measurand.endsWith(".Register")) {
			return flagged(Flag.NEGATIVE_REGISTER);
		}
		return new SampledNumber(number.setScale(Math.max(number.scale(), 0)), null);
	}

	private static SampledNumber flagged(Flag flag) {
		return new SampledNumber(null, flag);
	}
}
