package io.chargepay.csms.persistence;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The schema versions that make id columns exact: the first for every table then, each later one for those since. */
@Configuration(proxyBeanMethods = false)
class ExactIdentifierMigrations {

	@Bean
	JavaMigration exactIdentifiers() {
		return new ExactIdentifiersMigration("24", "exact identifiers");
	}

	/** charger_status_reports (V31) and charger_security_events (V33). */
	@Bean
	JavaMigration exactIdentifiersOfLaterTables() {
		return new ExactIdentifiersMigration("34", "exact identifiers of later tables");
	}
}
