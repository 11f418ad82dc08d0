package io.chargepay.csms.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on real listeners (HTTP on a random port, OCPP-J on a free port) against the test database
 * {@link TestDatabase} chooses. The call timeout is short so timeout tests stay fast; tokens are signed with
 * {@link Tokens#SECRET}; wallet checksums are enforced as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "csms.ocpp.call-timeout=2s", "csms.ocpp.heartbeat-interval=120s",
				"csms.auth.jwt-secret=" + Tokens.SECRET, "csms.wallets.enforce-checksum=true" })
@ContextConfiguration(initializers = TestDatabase.class)
public @interface CsmsIntegrationTest {
}
