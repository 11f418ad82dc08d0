package io.chargepay.csms.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargepay.csms.session.internal.SampledNumber.Flag;
import org.junit.jupiter.api.Test;

class SampledNumberTests {

	private static final String REGISTER = "Energy.Active.Import.Register";

	@Test
	void keepsADecimalThatFitsTheColumn() {
		assertThat(SampledNumber.of(" 12.500 ", true, REGISTER).value()).isEqualByComparingTo("12.5");
		assertThat(SampledNumber.of("1E+3", true, REGISTER).value()).isEqualByComparingTo("1000");
		assertThat(SampledNumber.of("-3.2", true, "Current.Import").value()).isEqualByComparingTo("-3.2");
	}

	@Test
	void refusesAbsurdExponentsWithoutWritingTheNumberOut() {
		assertThat(SampledNumber.of("1E+1000000000", true, REGISTER).flag()).isEqualTo(Flag.OUT_OF_RANGE);
		assertThat(SampledNumber.of("-1E-1000000000", true, REGISTER).flag()).isEqualTo(Flag.OUT_OF_RANGE);
		assertThat(SampledNumber.of("9".repeat(65), true, REGISTER).flag()).isEqualTo(Flag.OUT_OF_RANGE);
	}

	@Test
	void refusesMoreDigitsThanTheColumnHoldsOnEitherSideOfThePoint() {
		assertThat(SampledNumber.of("9".repeat(18), true, REGISTER).value()).isNotNull();
		assertThat(SampledNumber.of("9".repeat(19), true, REGISTER).flag()).isEqualTo(Flag.OUT_OF_RANGE);
		assertThat(SampledNumber.of("0.123456", true, REGISTER).value()).isNotNull();
		assertThat(SampledNumber.of("0.1234567", true, REGISTER).flag()).isEqualTo(Flag.OUT_OF_RANGE);
	}

	@Test
	void flagsNegativeRegistersButNotOtherNegativeMeasurands() {
		assertThat(SampledNumber.of("-1", true, REGISTER).flag()).isEqualTo(Flag.NEGATIVE_REGISTER);
		assertThat(SampledNumber.of("-1", true, "Power.Active.Export").flag()).isNull();
	}

	@Test
	void flagsTextThatIsNoNumberAndLeavesSignedDataAlone() {
		assertThat(SampledNumber.of("NaN", true, REGISTER).flag()).isEqualTo(Flag.NOT_A_NUMBER);
		assertThat(SampledNumber.of("0x10", true, REGISTER).flag()).isEqualTo(Flag.NOT_A_NUMBER);
		assertThat(SampledNumber.of("NaN", false, REGISTER)).isEqualTo(new SampledNumber(null, null));
	}

	@Test
	void cutsRawTextToItsColumnWithoutSplittingACharacter() {
		String emoji = "\uD83D\uDD0B"; // one code point, two UTF-16 units
		String cut = MeterReadings.fitted(emoji.repeat(5000));
		assertThat(cut.codePointCount(0, cut.length())).isEqualTo(MeterReadings.RAW_VALUE_LENGTH);
		assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
	}
}
