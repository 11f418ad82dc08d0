package io.chargepay.csms.balance;

import java.math.BigDecimal;

import io.chargepay.csms.support.CsmsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application with {@code csms.chains.*} pointing at the {@link EvmTestNodes}; the subclasses share one
 * application context. Reads what was recorded straight from the database.
 */
@CsmsIntegrationTest
abstract class EvmTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	BalanceService balances;
	@Autowired
	JdbcTemplate jdbc;

	final EvmTestNodes nodes = EvmTestNodes.get();
	final TestChain chain = nodes.chain;
	final String userId = "user-" + TestChain.newAddress().substring(2, 14);

	@DynamicPropertySource
	static void chains(DynamicPropertyRegistry registry) {
		EvmTestNodes.register(registry);
	}

	BalanceCheckResult check(String wallet, String chainName, String amount) {
		return balances.check(new BalanceCheckRequest(userId, wallet, chainName, new BigDecimal(amount)));
	}

	/** The committed row, read with plain SQL, and its metadata parsed as JSON. */
	JsonNode recorded(BalanceCheckResult result) {
		String status = jdbc.queryForObject("select status from balance_checks where id = ?", String.class,
				result.balanceCheckId());
		if (!result.status().name().equals(status)) {
			throw new AssertionError("recorded status " + status + ", answered " + result.status());
		}
		return JSON.readTree(jdbc.queryForObject("select metadata from balance_checks where id = ?", String.class,
				result.balanceCheckId()));
	}

	int checksOfUser() {
		return jdbc.queryForObject("select count(*) from balance_checks where user_id = ?", Integer.class, userId);
	}

	String reservationStatus(String balanceCheckId) {
		return jdbc.queryForList("select status from wallet_reservations where balance_check_id = ?", String.class,
				balanceCheckId).stream().findFirst().orElse("NONE");
	}
}
