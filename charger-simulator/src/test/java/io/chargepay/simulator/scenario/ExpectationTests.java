package io.chargepay.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargepay.simulator.ocpp.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExpectationTests {

	private static final JsonNode ANSWER = Json.read("""
			{"transactionId": 17, "idTagInfo": {"status": "Accepted"}, "replayed": ["MeterValues", "StopTransaction"]}
			""");

	@Test
	void comparesLiteralsAtDottedPaths() {
		assertThat(check("idTagInfo.status", "\"Accepted\"").passed()).isTrue();
		assertThat(check("idTagInfo.status", "\"Blocked\"").passed()).isFalse();
		assertThat(check("transactionId", "17").passed()).isTrue();
	}

	@Test
	void comparesNumbers() {
		assertThat(check("transactionId", "\">0\"").passed()).isTrue();
		assertThat(check("transactionId", "\">= 17\"").passed()).isTrue();
		assertThat(check("transactionId", "\"<10\"").passed()).isFalse();
		assertThat(check("idTagInfo.status", "\">0\"").passed()).isFalse();
	}

	@Test
	void knowsPresentAbsentAndArrayPositions() {
		assertThat(check("idTagInfo", "\"present\"").passed()).isTrue();
		assertThat(check("parentIdTag", "\"absent\"").passed()).isTrue();
		assertThat(check("replayed.0", "\"MeterValues\"").passed()).isTrue();
		assertThat(check("replayed.last", "\"StopTransaction\"").passed()).isTrue();
		assertThat(check("replayed.5", "\"present\"").passed()).isFalse();
	}

	@Test
	void checksTheCallErrorCodeAndWhatWasSent() {
		Expectation error = new Expectation("error", Json.read("\"NotImplemented\""));
		assertThat(error.check(Json.object(), null, "NotImplemented").passed()).isTrue();
		assertThat(new Expectation("error", Json.read("\"absent\"")).check(ANSWER, null, null).passed()).isTrue();

		Expectation sent = new Expectation("sent.meterStop", Json.read("\">0\""));
		assertThat(sent.check(ANSWER, Json.read("{\"meterStop\": 12}"), null).passed()).isTrue();
	}

	@Test
	void explainsTheVerdict() {
		assertThat(check("transactionId", "\">0\"").text()).isEqualTo("transactionId > 0 (was 17)");
		assertThat(check("idTagInfo.status", "\"Blocked\"").text())
				.isEqualTo("idTagInfo.status == Blocked (was Accepted)");
	}

	private static Verdict check(String path, String expectedJson) {
		return new Expectation(path, Json.read(expectedJson)).check(ANSWER, null, null);
	}
}
