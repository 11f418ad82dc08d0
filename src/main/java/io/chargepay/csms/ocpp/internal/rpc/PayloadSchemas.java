package io.chargepay.csms.ocpp.internal.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/**
 * Validates incoming CALL payloads against the official OCPP 1.6 schemas and names the CALLERROR code a violation
 * calls for (OCPP-J 1.6 §4.2.3).
 */
public final class PayloadSchemas {

	private final Map<String, Schema> requestSchemas;

	public PayloadSchemas(Collection<String> actions) {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
				builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
		this.requestSchemas = actions.stream()
				.collect(Collectors.toUnmodifiableMap(Function.identity(), action -> load(registry, action)));
	}

	/** Throws the CALLERROR the payload deserves; returns normally when it conforms. */
	public void validateRequest(String action, JsonNode payload) {
		Schema schema = requestSchemas.get(action);
		if (schema == null) {
			throw new IllegalArgumentException("No schema for " + action);
		}
		List<Error> errors = schema.validate(payload).stream()
				// Vendors add fields of their own; refusing a StopTransaction for one would lose a billed session.
				.filter(error -> !"additionalProperties".equals(error.getKeyword()))
				.toList();
		if (!errors.isEmpty()) {
			Error first = errors.get(0);
			throw new OcppError(codeFor(first.getKeyword()), first.getMessage());
		}
	}

	static ErrorCode codeFor(String keyword) {
		return switch (keyword) {
			case "required" -> ErrorCode.OccurenceConstraintViolation;
			case "type", "format" -> ErrorCode.TypeConstraintViolation;
			case "maxLength", "minLength", "enum", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
					"pattern", "multipleOf" -> ErrorCode.PropertyConstraintViolation;
			default -> ErrorCode.FormationViolation;
		};
	}

	private static Schema load(SchemaRegistry registry, String action) {
		String resource = "/ocpp16/schemas/" + action + ".req.json";
		try (InputStream in = PayloadSchemas.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing schema " + resource);
			}
			return registry.getSchema(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
