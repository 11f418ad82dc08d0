package io.chargepay.csms.session;

public class ConnectorBusyException extends RuntimeException {

	public ConnectorBusyException(String chargerId, int connectorId) {
		super("Connector " + connectorId + " of " + chargerId + " already has an open session");
	}
}
