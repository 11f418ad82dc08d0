package io.chargepay.simulator.transport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Security profile 1 (OCPP 1.6 Security Whitepaper §2.3): HTTP Basic with the charge point id as user name and its
 * AuthorizationKey as password.
 */
public record ChargerCredentials(String chargerId, String password) {

	public String basicAuthorization() {
		String pair = chargerId + ":" + (password == null ? "" : password);
		return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
	}

	public boolean hasPassword() {
		return password != null && !password.isEmpty();
	}
}
