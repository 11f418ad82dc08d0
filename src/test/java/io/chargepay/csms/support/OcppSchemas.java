package io.chargepay.csms.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

/** The official OCPP 1.6 JSON schemas kept in src/main/resources/ocpp16/schemas, for conformance checks of what the CSMS sends. */
public final class OcppSchemas {

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
			builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
	private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

	private OcppSchemas() {
	}

	public static Path directory() {
		Path dir = Path.of(System.getProperty("ocpp.schemas.dir", "src/main/resources/ocpp16/schemas"));
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("OCPP 1.6 schemas not found at " + dir.toAbsolutePath());
		}
		return dir;
	}

	/** Violations of {@code <action>.req.json} or {@code <action>.conf.json}; empty when the payload conforms. */
	public static List<String> violations(String action, boolean request, JsonNode payload) {
		String file = action + (request ? ".req.json" : ".conf.json");
		Schema schema = CACHE.computeIfAbsent(file, name -> {
			try {
				return REGISTRY.getSchema(Files.newInputStream(directory().resolve(name)));
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		return schema.validate(payload).stream().map(Error::toString).toList();
	}
}
