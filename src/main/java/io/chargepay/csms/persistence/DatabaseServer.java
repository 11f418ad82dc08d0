package io.chargepay.csms.persistence;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database server behind the connection, named from the server's own report rather than from the JDBC URL: MySQL
 * Connector/J talking to MariaDB reports the product "MySQL" and the version "5.5.5-10.11.19-MariaDB" (MariaDB's
 * replication-compatibility prefix), which made Hibernate choose its MySQL dialect and send {@code FOR UPDATE OF
 * alias}, a syntax MariaDB rejects.
 */
public record DatabaseServer(Product product, int major, int minor, String reported) {

	public enum Product {
		MYSQL("MySQL", 8, 0), MARIADB("MariaDB", 10, 6), H2("H2", 2, 0);

		private final String displayName;
		private final int minMajor;
		private final int minMinor;

		Product(String displayName, int minMajor, int minMinor) {
			this.displayName = displayName;
			this.minMajor = minMajor;
			this.minMinor = minMinor;
		}
	}

	private static final Pattern MARIADB = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)[^-]*-MariaDB",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

	/**
	 * The server as its JDBC metadata describes it; refuses one the product cannot serve (SELECT … FOR UPDATE SKIP
	 * LOCKED needs MySQL 8.0 or MariaDB 10.6; the migrations use MySQL 8 / MariaDB syntax).
	 */
	public static DatabaseServer of(String productName, String productVersion) {
		String reported = productName + " " + productVersion;
		Matcher mariadb = MARIADB.matcher(productVersion);
		DatabaseServer server;
		if (mariadb.find()) {
			server = new DatabaseServer(Product.MARIADB, Integer.parseInt(mariadb.group(1)),
					Integer.parseInt(mariadb.group(2)), reported);
		}
		else {
			server = new DatabaseServer(productOf(productName, reported), number(productVersion, 1, reported),
					number(productVersion, 2, reported), reported);
		}
		return server.supported();
	}

	private static Product productOf(String productName, String reported) {
		String name = productName.toLowerCase(Locale.ROOT);
		if (name.contains("mariadb")) {
			return Product.MARIADB;
		}
		if (name.contains("mysql")) {
			return Product.MYSQL;
		}
		if (name.equals("h2")) {
			return Product.H2;
		}
		throw new UnsupportedDatabaseException(reported);
	}

	private static int number(String version, int group, String reported) {
		Matcher matcher = VERSION.matcher(version);
		if (!matcher.find()) {
			throw new UnsupportedDatabaseException(reported);
		}
		return Integer.parseInt(matcher.group(group));
	}

	private DatabaseServer supported() {
		if (major < product.minMajor || (major == product.minMajor && minor < product.minMinor)) {
			throw new UnsupportedDatabaseException(reported);
		}
		return this;
	}

	@Override
	public String toString() {
		return product.displayName + " " + major + "." + minor;
	}

	/** A server the product cannot serve: the message says what was found and what is supported. */
	public static final class UnsupportedDatabaseException extends IllegalStateException {

		UnsupportedDatabaseException(String reported) {
			super("The database server reports itself as \"" + reported + "\", which this product cannot serve. "
					+ "Supported: MySQL 8.0 or later, MariaDB 10.6 or later (through jdbc:mariadb:// or jdbc:mysql://), "
					+ "or the embedded H2 of sandbox mode. Point spring.datasource.url (SPRING_DATASOURCE_URL) at one.");
		}
	}
}
