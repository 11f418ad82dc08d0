package io.chargepay.csms.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

class ServerDialectResolverTests {

	@Test
	void givesMariaDbItsDialectWhateverTheDriverCallsIt() {
		Dialect dialect = resolve("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1");

		assertThat(dialect).isInstanceOf(MariaDBDialect.class);
		assertThat(dialect.getVersion().getMajor()).isEqualTo(10);
		assertThat(dialect.getVersion().getMinor()).isEqualTo(11);
		assertThat(resolve("MySQL", "11.4.2-MariaDB")).isInstanceOf(MariaDBDialect.class);
	}

	@Test
	void givesMySqlItsDialectAndLeavesH2ToHibernate() {
		assertThat(resolve("MySQL", "8.4.0")).isExactlyInstanceOf(MySQLDialect.class);
		assertThat(resolve("H2", "2.4.240 (2025-09-22)")).isNull();
	}

	private static Dialect resolve(String product, String version) {
		return new ServerDialectResolver().resolveDialect(new DialectResolutionInfo() {
			public String getDatabaseName() { return product; }
			public String getDatabaseVersion() { return version; }
			public int getDatabaseMajorVersion() { return 0; }
			public int getDatabaseMinorVersion() { return 0; }
			public String getDriverName() { return "test"; }
			public int getDriverMajorVersion() { return 0; }
			public int getDriverMinorVersion() { return 0; }
			public String getSQLKeywords() { return ""; }
		});
	}
}
