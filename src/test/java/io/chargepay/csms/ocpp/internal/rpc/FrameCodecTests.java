package io.chargepay.csms.ocpp.internal.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class FrameCodecTests {

	private final FrameCodec codec = new FrameCodec(JsonMapper.builder().build());

	@Test
	void readsTheThreeMessageTypes() {
		assertThat(codec.read("[2,\"1\",\"Heartbeat\",{}]")).isInstanceOf(Frame.Call.class);
		assertThat(codec.read("[3,\"1\",{\"status\":\"Accepted\"}]")).isInstanceOf(Frame.CallResult.class);
		assertThat(codec.read("[4,\"1\",\"GenericError\",\"x\",{}]")).isEqualTo(new Frame.CallError("1", "GenericError", "x"));
	}

	@Test
	void salvagesTheMessageIdOfACallThatIsNotValidJson() {
		assertThat(codec.read("[2, \"abc\", \"Heartbeat\", {")).isEqualTo(
				new Frame.Malformed("abc", ErrorCode.FormationViolation, "Message is not valid JSON"));
	}

	@Test
	void neverOffersToAnswerABrokenAnswer() {
		assertThat(((Frame.Malformed) codec.read("[3,\"abc\"]")).messageId()).isNull();
		assertThat(((Frame.Malformed) codec.read("[4,\"abc\",\"x\"]")).messageId()).isNull();
		assertThat(((Frame.Malformed) codec.read("[3, \"abc\", {")).messageId()).isNull();
	}

	@Test
	void writesCallErrorsWithAnEmptyDetailsObject() {
		assertThat(codec.callError("m1", ErrorCode.NotImplemented, "Unknown action X"))
				.isEqualTo("[4,\"m1\",\"NotImplemented\",\"Unknown action X\",{}]");
	}

	@Test
	void writesNoNullFieldsAndNoEscapesForAmpersandsOrQuotes() {
		assertThat(codec.call("m1", "DataTransfer", Map.of("data", "a&b='c'")))
				.isEqualTo("[2,\"m1\",\"DataTransfer\",{\"data\":\"a&b='c'\"}]");
	}

	@Test
	void formatsTimestampsToTheMillisecondInUtc() {
		assertThat(OcppTime.format(Instant.parse("2026-01-01T10:00:00.123456789Z"))).isEqualTo("2026-01-01T10:00:00.123Z");
		assertThat(OcppTime.format(Instant.parse("2026-01-01T10:00:00Z"))).isEqualTo("2026-01-01T10:00:00Z");
		assertThat(OcppTime.parse("2026-01-01T12:00:00.5+02:00")).isEqualTo(Instant.parse("2026-01-01T10:00:00.500Z"));
	}
}
