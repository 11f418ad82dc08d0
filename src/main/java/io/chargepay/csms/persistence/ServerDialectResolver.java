package io.chargepay.csms.persistence;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.jspecify.annotations.Nullable;

/**
 * Picks Hibernate's dialect from what the server says it is (see {@link DatabaseServer}), so MariaDB gets the MariaDB
 * dialect over either driver. Registered through {@code hibernate.dialect_resolvers}; other servers (H2) are left to
 * Hibernate's own resolution.
 */
public class ServerDialectResolver implements DialectResolver {

	@Override
	public @Nullable Dialect resolveDialect(DialectResolutionInfo info) {
		DatabaseServer server = DatabaseServer.of(info.getDatabaseName(), info.getDatabaseVersion());
		DatabaseVersion version = DatabaseVersion.make(server.major(), server.minor());
		return switch (server.product()) {
			case MARIADB -> new MariaDBDialect(version);
			case MYSQL -> new MySQLDialect(version);
			case H2 -> null;
		};
	}
}
