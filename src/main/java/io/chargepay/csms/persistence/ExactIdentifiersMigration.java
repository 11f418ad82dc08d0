package io.chargepay.csms.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Charger ids and user ids compare exactly (schema version 24, and again for the tables added after it). MySQL's and MariaDB's default collations ignore case,
 * so {@code charger-001} found the row of {@code CHARGER-001} (and authenticated with its key) and a token for
 * {@code user-abc} matched the wallets of {@code user-ABC}. Every such column gets the binary collation; H2 compares
 * case-sensitively already. A Java migration because the columns and their foreign keys are read from the schema,
 * not listed by hand, and neither server lets a referenced column change collation under its foreign keys: they are
 * dropped, the columns changed and the keys recreated as they were. MySQL commits each ALTER TABLE, so this cannot
 * run in one transaction: a failure part-way leaves the keys dropped (Flyway then refuses to start, asking for the
 * backup to be restored). Only columns not yet exact are changed, and only the keys on them are dropped, so a later
 * run touches just the tables added since.
 */
class ExactIdentifiersMigration implements JavaMigration {

	private final MigrationVersion version;
	private final String description;

	ExactIdentifiersMigration(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	private static final String ID_COLUMNS = "SELECT table_name, column_name, column_type, is_nullable "
			+ "FROM information_schema.columns WHERE table_schema = DATABASE() "
			+ "AND (column_name IN ('charger_id', 'user_id') OR (table_name IN ('chargers', 'users') AND column_name = 'id')) "
			+ "AND collation_name <> 'utf8mb4_bin'";

	private static final String FOREIGN_KEYS = "SELECT k.table_name, k.constraint_name, k.column_name, "
			+ "k.referenced_table_name, r.delete_rule, r.update_rule FROM information_schema.key_column_usage k "
			+ "JOIN information_schema.referential_constraints r ON r.constraint_schema = k.constraint_schema "
			+ "AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name "
			+ "WHERE k.table_schema = DATABASE() AND k.referenced_table_name IN ('chargers', 'users') "
			+ "AND k.referenced_column_name = 'id'";

	private record ForeignKey(String table, String name, String column, String parent, String onDelete,
			String onUpdate) {

		/** A row that referred to its parent in another case now names it exactly, so the key can be recreated. */
		String alignWithParent() {
			return "UPDATE " + table + " c JOIN " + parent + " p ON c." + column + " = p.id SET c." + column
					+ " = p.id WHERE BINARY c." + column + " <> BINARY p.id";
		}

		/** Whether the key's column or the id it refers to is among the columns to change. */
		boolean on(Set<String> altered) {
			return altered.contains(table.toLowerCase(Locale.ROOT) + "." + column.toLowerCase(Locale.ROOT))
					|| altered.contains(parent.toLowerCase(Locale.ROOT) + ".id");
		}

		String drop() {
			return "ALTER TABLE " + table + " DROP FOREIGN KEY " + name;
		}

		String recreate() {
			return "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + column + ") REFERENCES "
					+ parent + " (id) ON DELETE " + onDelete + " ON UPDATE " + onUpdate;
		}
	}

	@Override
	public MigrationVersion getVersion() {
		return version;
	}

	@Override
	public String getDescription() {
		return description;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return false;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!comparesIgnoringCase(connection)) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			Map<String, String> alterations = alterations(statement);
			List<ForeignKey> keys = foreignKeys(statement).stream().filter(key -> key.on(alterations.keySet())).toList();
			for (ForeignKey key : keys) {
				statement.executeUpdate(key.alignWithParent());
				statement.execute(key.drop());
			}
			for (String alteration : alterations.values()) {
				statement.execute(alteration);
			}
			for (ForeignKey key : keys) {
				statement.execute(key.recreate());
			}
		}
	}

	private static boolean comparesIgnoringCase(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
		return product.contains("mysql") || product.contains("mariadb");
	}

	private static List<ForeignKey> foreignKeys(Statement statement) throws SQLException {
		List<ForeignKey> keys = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery(FOREIGN_KEYS)) {
			while (rows.next()) {
				keys.add(new ForeignKey(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
						rows.getString(5), rows.getString(6)));
			}
		}
		return keys;
	}

	/** By "table.column", the ALTER TABLE that makes it exact. */
	private static Map<String, String> alterations(Statement statement) throws SQLException {
		Map<String, String> alterations = new LinkedHashMap<>();
		try (ResultSet columns = statement.executeQuery(ID_COLUMNS)) {
			while (columns.next()) {
				alterations.put(columns.getString(1).toLowerCase(Locale.ROOT) + "." + columns.getString(2)
						.toLowerCase(Locale.ROOT), "ALTER TABLE " + columns.getString(1) + " MODIFY "
						+ columns.getString(2) + " " + columns.getString(3)
						+ " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
						+ ("NO".equals(columns.getString(4)) ? " NOT NULL" : " NULL"));
			}
		}
		return alterations;
	}
}
