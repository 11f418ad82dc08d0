package io.chargepay.csms.sandbox;

import java.util.List;
import java.util.Locale;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.identity.Wallet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** Seeds the demo charger and driver the README names; production mode starts empty. */
@Component
@ConditionalOnBooleanProperty("csms.sandbox.enabled")
class SandboxData implements ApplicationRunner {

	static final String DEMO_CHARGER = "CHARGER-001";
	/** Public on purpose: the README tells everyone trying the sandbox to use it. */
	static final String DEMO_CHARGER_KEY = "sandbox-charger-001-key";
	static final String DEMO_USER = "user-123";
	static final String DEMO_ID_TAG = "TAG-USER-123";
	static final String DEMO_WALLET = "0x742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c";
	static final String DEMO_CHAIN = "ETHEREUM";

	private static final Logger log = LoggerFactory.getLogger(SandboxData.class);

	private final ChargerService chargers;
	private final IdentityService identity;

	SandboxData(ChargerService chargers, IdentityService identity) {
		this.chargers = chargers;
		this.identity = identity;
	}

	@Override
	public void run(ApplicationArguments args) {
		log.warn("*** SANDBOX MODE: embedded demo data and sandbox providers; not for production (use the prod profile) ***");
		if (!chargers.exists(DEMO_CHARGER)) {
			chargers.register(DEMO_CHARGER, DEMO_CHARGER_KEY);
		}
		if (!identity.userExists(DEMO_USER)) {
			// The specification's example wallet, spelled in lower case so that it is valid whatever the checksum policy.
			identity.createUser(DEMO_USER, List.of(DEMO_ID_TAG),
					List.of(new Wallet(DEMO_WALLET.toLowerCase(Locale.ROOT), DEMO_CHAIN, true)));
		}
		log.warn("Sandbox charger {} (password in the README) and user {} (idTag {}) are ready", DEMO_CHARGER,
				DEMO_USER, DEMO_ID_TAG);
	}
}
