package io.chargepay.csms.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refuses, before the first migration runs, a database server the product cannot serve. */
@Configuration(proxyBeanMethods = false)
class DatabaseServerCheck {

	private static final Logger log = LoggerFactory.getLogger(DatabaseServerCheck.class);

	@Bean
	FlywayMigrationStrategy checkServerThenMigrate() {
		return flyway -> {
			DatabaseServer server = serverOf(flyway.getConfiguration().getDataSource());
			log.info("Database server: {} ({})", server, server.reported());
			flyway.migrate();
		};
	}

	static DatabaseServer serverOf(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metadata = connection.getMetaData();
			return DatabaseServer.of(metadata.getDatabaseProductName(), metadata.getDatabaseProductVersion());
		}
		catch (SQLException unreachable) {
			throw new IllegalStateException("Cannot read the database server's version", unreachable);
		}
	}
}
