package io.chargepay.csms.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Holds a row lock from a connection of the test's own, so that a write of the application's waits on it: for
 * proving what the system shows or does while a write is in flight. Needs a database server (H2 gives up lock waits
 * after about a second).
 */
public final class RowLocks {

	private RowLocks() {
	}

	/** Locks the charger's row in {@code connection}'s open transaction, until it commits or rolls back. */
	public static void lockChargerRow(Connection connection, String chargerId) throws SQLException {
		connection.setAutoCommit(false);
		try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM chargers WHERE id = ? FOR UPDATE")) {
			lock.setString(1, chargerId);
			lock.executeQuery().close();
		}
	}

	/** Whether some transaction is waiting for a lock now (MySQL and MariaDB). */
	public static boolean aTransactionWaitsForALock(JdbcTemplate jdbc) {
		Integer waiting = jdbc.queryForObject(
				"SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'", Integer.class);
		return waiting != null && waiting > 0;
	}
}
