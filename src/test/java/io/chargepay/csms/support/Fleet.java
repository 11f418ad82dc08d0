package io.chargepay.csms.support;

import java.util.List;
import java.util.UUID;

import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.identity.IdentityService;

/** Registers chargers and drivers with fresh ids, so tests sharing one database never see each other's rows. */
public final class Fleet {

	public static final String CHARGER_KEY = "test-charger-key-0123456789";

	private final ChargerService chargers;
	private final IdentityService identity;

	public Fleet(ChargerService chargers, IdentityService identity) {
		this.chargers = chargers;
		this.identity = identity;
	}

	public String newCharger() {
		String chargerId = "CP-" + UUID.randomUUID().toString().substring(0, 13);
		chargers.register(chargerId, CHARGER_KEY);
		return chargerId;
	}

	/** A driver with one idTag; returns the idTag. */
	public String newDriverTag() {
		String suffix = UUID.randomUUID().toString().substring(0, 12);
		String idTag = "T" + suffix;
		identity.createUser("user-" + suffix, List.of(idTag));
		return idTag;
	}

	public String userOf(String idTag) {
		return "user-" + idTag.substring(1);
	}
}
