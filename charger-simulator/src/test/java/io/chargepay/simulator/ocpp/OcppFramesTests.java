package io.chargepay.simulator.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargepay.simulator.ocpp.OcppMessage.Call;
import io.chargepay.simulator.ocpp.OcppMessage.CallError;
import io.chargepay.simulator.ocpp.OcppMessage.CallResult;
import org.junit.jupiter.api.Test;

class OcppFramesTests {

	@Test
	void readsAllThreeKindsOfFrame() {
		assertThat(OcppFrames.read("[2,\"7\",\"Reset\",{\"type\":\"Soft\"}]"))
				.isEqualTo(new Call("7", "Reset", Json.read("{\"type\":\"Soft\"}")));
		assertThat(OcppFrames.read("[3,\"8\",{\"status\":\"Accepted\"}]"))
				.isEqualTo(new CallResult("8", Json.read("{\"status\":\"Accepted\"}")));
		assertThat(OcppFrames.read("[4,\"9\",\"NotImplemented\",\"nope\",{}]"))
				.isEqualTo(new CallError("9", "NotImplemented", "nope", Json.object()));
	}

	@Test
	void writesFramesAsOcppJArrays() {
		assertThat(OcppFrames.write(new Call("1", "Heartbeat", Json.object()))).isEqualTo("[2,\"1\",\"Heartbeat\",{}]");
		assertThat(OcppFrames.write(new CallResult("1", Json.object()))).isEqualTo("[3,\"1\",{}]");
		assertThat(OcppFrames.write(new CallError("1", "GenericError", "x", null)))
				.isEqualTo("[4,\"1\",\"GenericError\",\"x\",{}]");
	}

	@Test
	void keepsTheMessageIdOfAMalformedCallSoItCanBeAnswered() {
		assertThatThrownBy(() -> OcppFrames.read("[2,\"42\",\"Reset\"]"))
				.isInstanceOfSatisfying(MalformedFrameException.class, e -> {
					assertThat(e.messageId()).isEqualTo("42");
					assertThat(e.errorCode()).isEqualTo("FormationViolation");
				});
	}

	@Test
	void rejectsTextThatIsNotAFrameWithoutAMessageId() {
		assertThatThrownBy(() -> OcppFrames.read("hello"))
				.isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.messageId()).isNull());
		assertThatThrownBy(() -> OcppFrames.read("{\"a\":1}")).isInstanceOf(MalformedFrameException.class);
	}
}
