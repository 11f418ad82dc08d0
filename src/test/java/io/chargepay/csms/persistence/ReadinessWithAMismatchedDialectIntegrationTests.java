package io.chargepay.csms.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.TestDatabase;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The failure class of issue 16 §2: a dialect whose locking SQL the server rejects (MySQL's {@code FOR UPDATE OF}
 * on MariaDB). The database answers, so the plain db check is UP, but no balance check could run: not ready.
 */
@CsmsIntegrationTest
@TestPropertySource(properties = "spring.jpa.properties.hibernate.dialect=org.hibernate.dialect.MySQLDialect")
class ReadinessWithAMismatchedDialectIntegrationTests {

	@LocalServerPort
	int port;

	@BeforeAll
	static void onlyOnMariaDb() {
		Assumptions.assumeTrue(TestDatabase.isMariaDbServer(), "needs a MariaDB server in CSMS_TEST_DATASOURCE_URL");
	}

	@Test
	void isNotReadyWhileBalanceChecksCannotLockWalletsThoughTheDatabaseAnswers() {
		Api.Response readiness = new Api(port).get("/actuator/health/readiness", Tokens.operator());

		assertThat(readiness.status()).isEqualTo(503);
		assertThat(readiness.body().get("components").get("db").get("status").asString()).isEqualTo("UP");
		assertThat(readiness.body().get("components").get("walletLocks").get("status").asString()).isEqualTo("DOWN");
	}
}
