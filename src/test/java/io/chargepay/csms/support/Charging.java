package io.chargepay.csms.support;

import java.util.Map;

import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.session.SessionView;

/** Charging sessions driven the real way: StartTransaction and StopTransaction from a connected charger. */
public final class Charging {

	private final TestCharger charger;
	private final String chargerId;
	private final SessionService sessions;

	public Charging(TestCharger charger, String chargerId, SessionService sessions) {
		this.charger = charger;
		this.chargerId = chargerId;
		this.sessions = sessions;
	}

	/** Starts a transaction for {@code idTag} at {@code meterStartWh}; returns its transactionId. */
	public int start(String idTag, long meterStartWh) {
		return charger.result("StartTransaction", Map.of("connectorId", 1, "idTag", idTag, "meterStart", meterStartWh,
				"timestamp", java.time.Instant.now().toString())).get("transactionId").asInt();
	}

	/** The charger stops on its own (the driver unplugged). */
	public void stop(int transactionId, long meterStopWh) {
		charger.result("StopTransaction", Map.of("transactionId", transactionId, "meterStop", meterStopWh,
				"timestamp", java.time.Instant.now().toString(), "reason", "EVDisconnected"));
	}

	/** A whole session: start at 1000 Wh, stop {@code energyWh} later; returns the session. */
	public SessionView session(String idTag, long energyWh) {
		int transactionId = start(idTag, 1_000);
		stop(transactionId, 1_000 + energyWh);
		return find(transactionId);
	}

	public SessionView find(int transactionId) {
		return sessions.findByTransaction(chargerId, transactionId).orElseThrow();
	}
}
