package io.chargepay.csms.charger;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A command the central system sends to a charger. Each record's components carry the OCPP 1.6 field names of the
 * request it becomes, so the adapter can send it as it is; {@link #action()} names the OCPP action.
 */
public sealed interface ChargerCommand {

	String action();

	record RemoteStartTransaction(@Nullable Integer connectorId, String idTag) implements ChargerCommand {
		public String action() { return "RemoteStartTransaction"; }
	}

	record RemoteStopTransaction(int transactionId) implements ChargerCommand {
		public String action() { return "RemoteStopTransaction"; }
	}

	/** {@code type} is Hard or Soft. */
	record Reset(String type) implements ChargerCommand {
		public String action() { return "Reset"; }
	}

	record ChangeConfiguration(String key, String value) implements ChargerCommand {
		public String action() { return "ChangeConfiguration"; }
	}

	/** An empty or absent key list asks for every key. */
	record GetConfiguration(@Nullable List<String> key) implements ChargerCommand {
		public String action() { return "GetConfiguration"; }
	}

	/** {@code type} is Inoperative or Operative. */
	record ChangeAvailability(int connectorId, String type) implements ChargerCommand {
		public String action() { return "ChangeAvailability"; }
	}

	record UnlockConnector(int connectorId) implements ChargerCommand {
		public String action() { return "UnlockConnector"; }
	}

	record ClearCache() implements ChargerCommand {
		public String action() { return "ClearCache"; }
	}

	record TriggerMessage(String requestedMessage, @Nullable Integer connectorId) implements ChargerCommand {
		public String action() { return "TriggerMessage"; }
	}

	record DataTransfer(String vendorId, @Nullable String messageId, @Nullable String data) implements ChargerCommand {
		public String action() { return "DataTransfer"; }
	}
}
