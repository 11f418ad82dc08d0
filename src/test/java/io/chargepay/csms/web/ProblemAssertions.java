package io.chargepay.csms.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargepay.csms.support.Api;

/** What every problem response must look like (RFC 9457 with our stable types). */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	public static void assertProblem(Api.Response response, String type) {
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body().get("type").asString()).isEqualTo(ProblemType.BASE + type);
		assertThat(response.body().get("status").asInt()).isEqualTo(response.status());
		assertThat(response.body().has("title")).isTrue();
		assertThat(response.body().has("detail")).isTrue();
	}
}
