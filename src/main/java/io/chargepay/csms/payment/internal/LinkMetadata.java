package io.chargepay.csms.payment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The creation context stored with a link and sent to the provider as its metadata (Stripe: string values, snake_case
 * keys): session, user, charger, transaction, balance check, energy, why it was created, what it replaces and its
 * expiry. No idTag: the RFID token is not the provider's business.
 */
@Component
class LinkMetadata {

	private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
	};

	private final JsonMapper json;

	LinkMetadata(JsonMapper json) {
		this.json = json;
	}

	String describe(BillableSession session, String reason, @Nullable String replaces, Instant expiresAt) {
		Map<String, String> metadata = new LinkedHashMap<>();
		metadata.put("session_id", session.sessionId());
		put(metadata, "user_id", session.userId());
		metadata.put("charger_id", session.chargerId());
		put(metadata, "transaction_id", session.transactionId());
		put(metadata, "balance_check_id", session.balanceCheckId());
		put(metadata, "energy_wh", session.energyWh());
		metadata.put("reason", reason);
		put(metadata, "replaces", replaces);
		metadata.put("expires_at", expiresAt.toString());
		return json.writeValueAsString(metadata);
	}

	/** The context of a link that replaces {@code replaces}, which had {@code previous}. */
	String renew(@Nullable String previous, String reason, String replaces, Instant expiresAt) {
		Map<String, String> metadata = read(previous);
		metadata.put("reason", reason);
		metadata.put("replaces", replaces);
		metadata.put("expires_at", expiresAt.toString());
		return json.writeValueAsString(metadata);
	}

	Map<String, String> read(@Nullable String metadata) {
		return metadata == null || metadata.isBlank() ? new LinkedHashMap<>() : json.readValue(metadata, MAP);
	}

	/** What the driver sees on the payment page: where they charged and how much energy. */
	static String productName(Map<String, String> metadata) {
		String name = "EV charging at " + metadata.getOrDefault("charger_id", "a ChargePay charger");
		String energyWh = metadata.get("energy_wh");
		return energyWh == null ? name
				: name + ": " + new BigDecimal(energyWh).movePointLeft(3).stripTrailingZeros().toPlainString() + " kWh";
	}

	private static void put(Map<String, String> metadata, String key, @Nullable Object value) {
		if (value != null) {
			metadata.put(key, value.toString());
		}
	}
}
