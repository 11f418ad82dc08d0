package io.chargepay.csms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as shipped: the operator tools listen on the host's loopback only, and no password has a default
 * (compose stops with a message when one is missing from .env).
 */
class DockerComposeExposureTests {

	@Test
	void publishesPrometheusAndGrafanaOnLoopbackOnly() throws IOException {
		Map<String, Map<String, Object>> services = services();

		for (String tool : List.of("prometheus", "grafana")) {
			assertThat(ports(services.get(tool))).as(tool).isNotEmpty()
					.allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
		}
		assertThat(services.get("mysql")).doesNotContainKey("ports");
	}

	@Test
	void requiresEveryPasswordFromTheEnvironmentWithoutADefault() throws IOException {
		String compose = Files.readString(Path.of("docker-compose.yml"));

		assertThat(compose).contains("${MYSQL_PASSWORD:?", "${MYSQL_ROOT_PASSWORD:?", "${GRAFANA_ADMIN_PASSWORD:?",
				"${CHARGER_001_PASSWORD:?");
		assertThat(compose).doesNotContainPattern("PASSWORD[A-Z_]*:-").doesNotContainPattern("(?m)^ *[A-Z_]*PASSWORD: *[^$ ]");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			return (Map<String, Map<String, Object>>) compose.get("services");
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> ports(Map<String, Object> service) {
		return ((List<Object>) service.getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
	}
}
