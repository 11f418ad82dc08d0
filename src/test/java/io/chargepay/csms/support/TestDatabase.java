package io.chargepay.csms.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * Chooses the database integration tests run against (ARCHITECTURE.md, Testing): the server named by
 * CSMS_TEST_DATASOURCE_URL (CI: MariaDB on 127.0.0.1:3306), else MySQL in Testcontainers where a Docker engine exists,
 * else an in-memory H2 in MySQL mode, with a warning. With {@code csms.test.database-proxy=true} the application reaches
 * the database through a {@link TcpProxy} the test can cut, registered as a bean; with {@code csms.test.driver=mysql} a
 * MariaDB server is reached through MySQL Connector/J.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The test database reached directly, not through the proxy: for checking what was stored while it is cut. */
	public record DirectDatabase(JdbcTemplate jdbc) {
	}

	private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
	private static final Pattern HOST_PORT = Pattern.compile("//([^/:?;]+)(?::(\\d+))?");

	private static MySQLContainer mysql;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		boolean proxied = context.getEnvironment().getProperty("csms.test.database-proxy", Boolean.class, false);
		Map<String, Object> properties = new HashMap<>(connection());
		if ("mysql".equals(context.getEnvironment().getProperty("csms.test.driver"))) {
			// The design card's driver on the same server: MySQL Connector/J reaches MariaDB under jdbc:mysql://.
			properties.put("spring.datasource.url",
					((String) properties.get("spring.datasource.url")).replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"));
		}
		if (proxied) {
			String url = (String) properties.get("spring.datasource.url");
			Matcher target = HOST_PORT.matcher(url);
			if (!target.find()) {
				throw new IllegalStateException("Cannot proxy " + url);
			}
			TcpProxy proxy = TcpProxy.start(target.group(1), Integer.parseInt(target.group(2)));
			properties.put("spring.datasource.url", target.replaceFirst("//127.0.0.1:" + proxy.port()));
			context.getBeanFactory().registerSingleton("databaseProxy", proxy);
			context.getBeanFactory().registerSingleton("directDatabase", new DirectDatabase(new JdbcTemplate(
					new DriverManagerDataSource(url, (String) properties.get("spring.datasource.username"),
							(String) properties.get("spring.datasource.password")))));
			context.addApplicationListener(event -> {
				if (event instanceof org.springframework.context.event.ContextClosedEvent) {
					proxy.close();
				}
			});
		}
		// Bound by the system, on loopback only; tests read the port from local.ocpp.port.
		properties.put("csms.ocpp.port", 0);
		properties.put("csms.ocpp.host", "127.0.0.1");
		properties.put("server.address", "127.0.0.1");
		// Many cached test contexts share one database server: small pools keep them under its connection limit.
		properties.put("spring.datasource.hikari.maximum-pool-size",
				context.getEnvironment().getProperty("csms.test.pool-size", Integer.class, 6));
		properties.put("spring.datasource.hikari.minimum-idle", 1);
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("csms-test-database", properties));
	}

	/**
	 * Whether tests run against a database server reached over TCP (MariaDB/MySQL), which a {@link TcpProxy} can cut.
	 * H2's client keeps a connection cut that way broken in the pool, so outage tests need a server.
	 */
	public static boolean isMariaDbServer() {
		String url = System.getenv("CSMS_TEST_DATASOURCE_URL");
		return url != null && url.startsWith("jdbc:mariadb:");
	}

	public static boolean isServerDatabase() {
		String url = System.getenv("CSMS_TEST_DATASOURCE_URL");
		return (url != null && !url.isBlank()) || DockerClientFactory.instance().isDockerAvailable();
	}

	private static Map<String, Object> connection() {
		String url = System.getenv("CSMS_TEST_DATASOURCE_URL");
		if (url != null && !url.isBlank()) {
			return Map.of("spring.datasource.url", url,
					"spring.datasource.username", envOr("CSMS_TEST_DATASOURCE_USERNAME", "root"),
					"spring.datasource.password", envOr("CSMS_TEST_DATASOURCE_PASSWORD", ""));
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			return containerConnection();
		}
		log.warn("No CSMS_TEST_DATASOURCE_URL and no Docker engine: integration tests run on H2, not MySQL/MariaDB");
		String name = "csms-" + UUID.randomUUID();
		String options = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
		return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + options, "spring.datasource.username", "sa",
				"spring.datasource.password", "");
	}

	private static synchronized Map<String, Object> containerConnection() {
		if (mysql == null) {
			mysql = new MySQLContainer("mysql:8.4");
			mysql.start();
		}
		return Map.of("spring.datasource.url", mysql.getJdbcUrl(), "spring.datasource.username", mysql.getUsername(),
				"spring.datasource.password", mysql.getPassword());
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
