package io.chargepay.simulator.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/** The OCPP 1.6 JSON schemas kept in the CSMS's resources (path from the surefire property), with formats asserted. */
public final class OcppSchemas {

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
			builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
	private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

	private OcppSchemas() {
	}

	public static Path directory() {
		Path dir = Path.of(System.getProperty("ocpp.schemas.dir", "../src/main/resources/ocpp16/schemas"));
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("OCPP 1.6 schemas not found at " + dir.toAbsolutePath());
		}
		return dir;
	}

	/** Whether OCPP 1.6 defines this action (in the direction of the request). */
	public static boolean defines(String action) {
		return Files.isRegularFile(directory().resolve(action + ".req.json"));
	}

	/** What is wrong with a CALL payload (request) or a CALLRESULT payload (confirmation); empty when it conforms. */
	public static List<String> violations(String action, boolean request, JsonNode payload) {
		String file = action + (request ? ".req.json" : ".conf.json");
		Schema schema = CACHE.computeIfAbsent(file, name -> {
			try (InputStream in = Files.newInputStream(directory().resolve(name))) {
				return REGISTRY.getSchema(in);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		return schema.validate(payload).stream().map(Error::toString).map(text -> file + ": " + text).toList();
	}
}
