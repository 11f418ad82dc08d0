package io.chargepay.csms.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

@CsmsIntegrationTest
class OpenApiIntegrationTests {

	@LocalServerPort
	int port;
	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void documentsEveryControllerEndpointWithoutAToken() {
		Api.Response docs = new Api(port).get("/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.body().get("paths");
		List<String> endpoints = controllerEndpoints();
		assertThat(endpoints).isNotEmpty();
		for (String endpoint : endpoints) {
			String[] methodAndPath = endpoint.split(" ", 2);
			assertThat(paths.has(methodAndPath[1])).as("path of %s in the OpenAPI document", endpoint).isTrue();
			assertThat(paths.get(methodAndPath[1]).has(methodAndPath[0])).as(endpoint).isTrue();
		}
	}

	@Test
	void declaresTheBearerSecurityScheme() {
		JsonNode docs = new Api(port).get("/v3/api-docs", null).body();

		assertThat(docs.get("components").get("securitySchemes").get("bearer").get("scheme").asString()).isEqualTo("bearer");
		assertThat(docs.get("security").get(0).has("bearer")).isTrue();
	}

	@Test
	void servesTheSwaggerUi() {
		assertThat(new Api(port).get("/swagger-ui/index.html", null).status()).isEqualTo(200);
	}

	private List<String> controllerEndpoints() {
		List<String> endpoints = new ArrayList<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getPackageName().startsWith("io.chargepay.csms")) {
				info.getPatternValues().forEach(path -> info.getMethodsCondition().getMethods().forEach(
						verb -> endpoints.add(verb.name().toLowerCase(Locale.ROOT) + " " + path)));
			}
		});
		return endpoints;
	}
}
