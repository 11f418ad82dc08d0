package io.chargepay.csms.charger;

public class UnknownChargerException extends RuntimeException {

	public UnknownChargerException(String chargerId) {
		super("Charger " + chargerId + " is not registered");
	}
}
