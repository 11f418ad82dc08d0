package io.chargepay.csms.sandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Production refuses to start with sandbox features (demo data, token endpoint, sandbox providers) switched on. */
@Component
@Profile("prod")
class ProductionGuard {

	ProductionGuard(@Value("${csms.sandbox.enabled:false}") boolean sandboxEnabled,
			@Value("${csms.wallets.enforce-checksum:true}") boolean enforceChecksum) {
		if (sandboxEnabled) {
			throw new IllegalStateException("csms.sandbox.enabled must be false in production (profile prod)");
		}
		if (!enforceChecksum) {
			throw new IllegalStateException("csms.wallets.enforce-checksum must be true in production (profile prod)");
		}
	}
}
