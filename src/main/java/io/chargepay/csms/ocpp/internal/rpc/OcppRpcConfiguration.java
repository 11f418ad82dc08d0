package io.chargepay.csms.ocpp.internal.rpc;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The wire format has its own JSON mapper: what the REST API's mapper does must not change what chargers receive. */
@Configuration(proxyBeanMethods = false)
class OcppRpcConfiguration {

	@Bean
	FrameCodec ocppFrameCodec() {
		JsonMapper json = JsonMapper.builder()
				.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
				.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.build();
		return new FrameCodec(json);
	}
}
