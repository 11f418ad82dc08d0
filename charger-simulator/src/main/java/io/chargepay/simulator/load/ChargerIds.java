package io.chargepay.simulator.load;

/**
 * Names and passwords for a fleet: {@code LOAD-00001}, {@code LOAD-00002}, ... and either one password for all or a
 * template such as {@code key-{id}-0000000000}, so that the CSMS can hold a unique AuthorizationKey per charger.
 */
public record ChargerIds(String prefix, int count, String password, String passwordTemplate) {

	public String id(int index) {
		int width = Math.max(5, Integer.toString(count).length());
		return prefix + String.format("%0" + width + "d", index + 1);
	}

	public String password(String chargerId) {
		return passwordTemplate != null ? passwordTemplate.replace("{id}", chargerId) : password;
	}
}
