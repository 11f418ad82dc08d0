package io.chargepay.csms.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargepay.csms.persistence.DatabaseServer.Product;
import org.junit.jupiter.api.Test;

class DatabaseServerTests {

	@Test
	void recognizesMariaDbBehindTheMySqlDriversCompatibilityVersion() {
		DatabaseServer server = DatabaseServer.of("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1");

		assertThat(server.product()).isEqualTo(Product.MARIADB);
		assertThat(server.major()).isEqualTo(10);
		assertThat(server.minor()).isEqualTo(11);
	}

	@Test
	void recognizesMariaDbThroughItsOwnDriverAndMySqlAndH2() {
		assertThat(DatabaseServer.of("MariaDB", "11.4.2-MariaDB").product()).isEqualTo(Product.MARIADB);
		assertThat(DatabaseServer.of("MySQL", "8.4.0").product()).isEqualTo(Product.MYSQL);
		assertThat(DatabaseServer.of("H2", "2.4.240 (2025-09-22)").product()).isEqualTo(Product.H2);
	}

	@Test
	void refusesServersTooOldForSkipLockedNamingWhatWasFoundAndWhatToConfigure() {
		assertThatThrownBy(() -> DatabaseServer.of("MySQL", "5.7.44"))
				.hasMessageContaining("\"MySQL 5.7.44\"").hasMessageContaining("SPRING_DATASOURCE_URL");
		assertThatThrownBy(() -> DatabaseServer.of("MariaDB", "10.5.27-MariaDB"))
				.hasMessageContaining("MariaDB 10.6 or later");
		assertThatThrownBy(() -> DatabaseServer.of("MySQL", "5.5.5-10.4.34-MariaDB"))
				.isInstanceOf(DatabaseServer.UnsupportedDatabaseException.class);
	}

	@Test
	void refusesAnUnknownProduct() {
		assertThatThrownBy(() -> DatabaseServer.of("PostgreSQL", "16.4"))
				.hasMessageContaining("\"PostgreSQL 16.4\"");
	}
}
