package io.chargepay.csms.charger;

public class ChargerAlreadyExistsException extends RuntimeException {

	public ChargerAlreadyExistsException(String chargerId) {
		super("Charger " + chargerId + " is already registered");
	}
}
