package io.chargepay.csms.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	@Bean
	OpenAPI chargePayOpenApi() {
		return new OpenAPI()
				.info(new Info().title("ChargePay CSMS API").version("v1").description("""
						Driver-facing and operator API of the ChargePay charge-point management system. Every request \
						carries a bearer token (JWT): `sub` is the user, a `roles` claim with `operator` grants the \
						operator endpoints. Errors are RFC 9457 problems (application/problem+json)."""))
				.components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
						.type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
				.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}
}
