package io.chargepay.csms.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V9: sessions recorded without a user are associated through their idTag's user where there is one. */
class UserAssociationMigrationTests {

	@Test
	void associatesSessionsWithTheirIdTagsUserAndLeavesTheRestForAnOperator() {
		DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
		JdbcTemplate jdbc = new JdbcTemplate(database);
		Flyway.configure().dataSource(database).target("6").load().migrate();
		jdbc.update("insert into users (id, created_at) values ('user-old', now())");
		jdbc.update("insert into id_tags (id_tag, user_id, created_at) values ('TAG-OLD', 'user-old', now())");
		insertSessionWithoutUser(jdbc, "s-known", "TAG-OLD", 11);
		insertSessionWithoutUser(jdbc, "s-stranger", "TAG-NOBODY", 12);

		Flyway.configure().dataSource(database).load().migrate();

		assertThat(jdbc.queryForObject("select user_id from charging_sessions where id = 's-known'", String.class))
				.isEqualTo("user-old");
		assertThat(jdbc.queryForObject("select user_id from charging_sessions where id = 's-stranger'", String.class))
				.isNull();
	}

	private static void insertSessionWithoutUser(JdbcTemplate jdbc, String id, String idTag, int transactionId) {
		jdbc.update("""
				insert into charging_sessions (id, transaction_id, charger_id, connector_id, id_tag, status,
				  authorization_status, meter_start_wh, started_at, created_at, updated_at)
				values (?, ?, 'CP-OLD', 1, ?, 'COMPLETED', 'ACCEPTED', 0, now(), now(), now())""", id, transactionId, idTag);
	}
}
