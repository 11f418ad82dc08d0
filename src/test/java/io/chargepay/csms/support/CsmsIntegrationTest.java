package io.chargepay.csms.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on real listeners (HTTP on a random port, OCPP-J on a free port) against the test database
 * {@link TestDatabase} chooses. The call timeout is short so timeout tests stay fast.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "csms.ocpp.call-timeout=2s", "csms.ocpp.heartbeat-interval=120s" })
@ContextConfiguration(initializers = TestDatabase.class)
public @interface CsmsIntegrationTest {
}
