package io.chargepay.csms.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import io.chargepay.csms.support.Api;
import io.chargepay.csms.support.CsmsIntegrationTest;
import io.chargepay.csms.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A system that has served no traffic yet: every metric a Grafana dashboard queries is already in the scrape, so the
 * panels of a fresh installation read 0 instead of "No data". The property below only gives this class a context of
 * its own, so that no other test's traffic has registered anything before the scrape.
 */
@CsmsIntegrationTest
@TestPropertySource(properties = "csms.metrics.session-count-interval=17s")
class FreshSystemMetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void everyMetricADashboardQueriesExistsBeforeAnyTraffic() throws IOException {
		Set<String> queried = DashboardMetricsIntegrationTests.dashboardMetrics();
		assertThat(queried).hasSizeGreaterThan(15);

		String scrape = new Api(port).get("/actuator/prometheus", Tokens.operator()).text();

		assertThat(queried).allSatisfy(metric -> assertThat(scrape).as(metric)
				.containsPattern("(?m)^" + Pattern.quote(metric) + "[{ ]"));
	}
}
