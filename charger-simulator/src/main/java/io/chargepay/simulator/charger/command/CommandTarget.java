package io.chargepay.simulator.charger.command;

import io.chargepay.simulator.charger.ChargerConfiguration;

/**
 * What the CSMS's commands may look at and change on a charger. Handlers decide the answer from the queries; the
 * changes run after the answer is on the wire, so a triggered message never overtakes its TriggerMessage.conf.
 */
public interface CommandTarget {

	int connectorCount();

	ChargerConfiguration configuration();

	/** The connector a remote start should use: the requested one if free, else the first free; 0 when none is. */
	int freeConnector(Integer requested);

	/** The connector running this transaction; 0 when none does. */
	int connectorOfTransaction(int transactionId);

	/** Whether a transaction runs on the connector (0: on any connector). */
	boolean hasTransaction(int connectorId);

	void startTransaction(int connectorId, String idTag);

	void stopTransaction(int connectorId, String reason);

	/** ChangeAvailability for one connector, or all for 0; waits for a running transaction to end. */
	void changeAvailability(int connectorId, boolean operative);

	void reset(String type);

	void trigger(String requestedMessage, Integer connectorId);
}
