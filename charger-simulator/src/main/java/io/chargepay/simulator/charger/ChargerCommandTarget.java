package io.chargepay.simulator.charger;

import java.util.List;
import java.util.Objects;

import io.chargepay.simulator.charger.command.CommandTarget;

/** The charger as the CSMS's commands see it. Runs on the charger's lane. */
final class ChargerCommandTarget implements CommandTarget {

	private final ChargePoint charger;
	private final ChargerLink link;

	ChargerCommandTarget(ChargePoint charger, ChargerLink link) {
		this.charger = charger;
		this.link = link;
	}

	@Override
	public int connectorCount() {
		return charger.connectors().size();
	}

	@Override
	public ChargerConfiguration configuration() {
		return charger.configuration();
	}

	@Override
	public int freeConnector(Integer requested) {
		if (requested != null) {
			boolean exists = requested >= 1 && requested <= connectorCount();
			return exists && charger.connector(requested).free() ? requested : 0;
		}
		return charger.connectors().stream().filter(Connector::free).mapToInt(Connector::id).findFirst().orElse(0);
	}

	@Override
	public int connectorOfTransaction(int transactionId) {
		return charger.connectors().stream()
				.filter(connector -> connector.transaction() != null
						&& Objects.equals(connector.transaction().idOrNull(), transactionId))
				.mapToInt(Connector::id).findFirst().orElse(0);
	}

	@Override
	public boolean hasTransaction(int connectorId) {
		return affected(connectorId).stream().anyMatch(connector -> connector.transaction() != null);
	}

	@Override
	public void startTransaction(int connectorId, String idTag) {
		charger.transactions().remoteStart(charger.connector(connectorId), idTag);
	}

	@Override
	public void stopTransaction(int connectorId, String reason) {
		Connector connector = charger.connector(connectorId);
		if (connector.transaction() != null) {
			charger.transactions().stop(connector, reason);
		}
	}

	@Override
	public void changeAvailability(int connectorId, boolean operative) {
		for (Connector connector : affected(connectorId)) {
			if (connector.transaction() != null && !operative) {
				connector.scheduleOperative(false);
			}
			else {
				connector.operative(operative);
				charger.changeStatus(connector, connector.transaction() != null ? connector.status()
						: connector.idleStatus());
			}
		}
		if (connectorId == 0) {
			charger.sendStatus(0, operative ? "Available" : "Unavailable");
		}
	}

	@Override
	public void reset(String type) {
		boolean hard = "Hard".equals(type);
		link.reboot(hard ? "HardReset" : "SoftReset", !hard);
	}

	@Override
	public void trigger(String requestedMessage, Integer connectorId) {
		switch (requestedMessage) {
			case "BootNotification" -> link.sendBootNotification();
			case "Heartbeat" -> charger.heartbeat();
			case "StatusNotification" -> {
				if (connectorId == null) {
					charger.reportAllConnectors();
				}
				else {
					charger.sendStatus(connectorId, connectorId == 0 ? "Available" : charger.connector(connectorId).status());
				}
			}
			case "MeterValues" -> affected(connectorId == null ? 0 : connectorId)
					.forEach(connector -> charger.transactions().sample(connector, "Trigger"));
			default -> throw new IllegalArgumentException("cannot trigger " + requestedMessage);
		}
	}

	/** Connector 0 stands for all of them. */
	private List<Connector> affected(int connectorId) {
		return connectorId == 0 ? charger.connectors() : List.of(charger.connector(connectorId));
	}
}
