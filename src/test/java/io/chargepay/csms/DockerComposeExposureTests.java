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

	@Test
	void onlyTheCsmsSharesTheDatabasesInternalNetwork() throws IOException {
		Map<String, Map<String, Object>> services = services();

		assertThat(networks(services.get("mysql"))).containsExactly("data");
		services.forEach((name, service) -> assertThat(networks(service).contains("data"))
				.as(name + " on the database's network").isEqualTo(name.equals("mysql") || name.equals("csms")));
		assertThat(compose().get("networks")).isEqualTo(Map.of("data", Map.of("internal", true)));
	}

	@Test
	void theDatabaseRefusesToStartWithAPlaceholderPasswordFromEnvExample() throws IOException {
		String entrypoint = String.join(" ", ((List<?>) services().get("mysql").get("entrypoint")).stream()
				.map(String::valueOf).toList());
		List<String> placeholders = Files.readAllLines(Path.of(".env.example")).stream()
				.filter(line -> line.matches("MYSQL_(ROOT_)?PASSWORD=.*")).map(line -> line.substring(line.indexOf('=') + 1))
				.toList();

		assertThat(placeholders).hasSize(2).allSatisfy(value -> assertThat(value).contains("change-me"));
		assertThat(entrypoint).contains("*change-me*", "exit 1", "exec docker-entrypoint.sh mysqld");
	}

	@SuppressWarnings("unchecked")
	private static List<String> networks(Map<String, Object> service) {
		return ((List<Object>) service.getOrDefault("networks", List.of())).stream().map(String::valueOf).toList();
	}

	private static Map<String, Object> compose() throws IOException {
		try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
			return new Yaml().load(reader);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		return (Map<String, Map<String, Object>>) compose().get("services");
	}

	@SuppressWarnings("unchecked")
	private static List<String> ports(Map<String, Object> service) {
		return ((List<Object>) service.getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
	}
}
