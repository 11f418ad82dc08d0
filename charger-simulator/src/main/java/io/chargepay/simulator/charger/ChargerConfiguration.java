package io.chargepay.simulator.charger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The charger's configuration keys (OCPP 1.6 §9.1, Core profile), in memory. ChangeConfiguration and GetConfiguration
 * work on this; a change to an interval reaches the running timers through the change listener.
 */
public final class ChargerConfiguration {

	public static final String HEARTBEAT_INTERVAL = "HeartbeatInterval";
	public static final String METER_VALUE_SAMPLE_INTERVAL = "MeterValueSampleInterval";
	public static final String METER_VALUES_SAMPLED_DATA = "MeterValuesSampledData";
	public static final String AUTHORIZE_REMOTE_TX_REQUESTS = "AuthorizeRemoteTxRequests";
	public static final String STOP_TRANSACTION_ON_INVALID_ID = "StopTransactionOnInvalidId";

	private enum Kind { INTEGER, BOOLEAN, TEXT }

	private record Entry(String value, boolean readonly, Kind kind) {
	}

	/** One key as GetConfiguration.conf reports it. */
	public record KeyValue(String key, boolean readonly, String value) {
	}

	/** The known keys asked for, and the names of the unknown ones. */
	public record Report(List<KeyValue> configurationKey, List<String> unknownKey) {
	}

	private final Map<String, Entry> entries = new LinkedHashMap<>();
	private final List<Consumer<String>> listeners = new ArrayList<>();

	public ChargerConfiguration(int connectors, Duration meterInterval) {
		define(HEARTBEAT_INTERVAL, "0", false, Kind.INTEGER);
		define(METER_VALUE_SAMPLE_INTERVAL, Long.toString(meterInterval.toSeconds()), false, Kind.INTEGER);
		define(METER_VALUES_SAMPLED_DATA, ChargerRequests.ENERGY + "," + ChargerRequests.POWER, false, Kind.TEXT);
		define(AUTHORIZE_REMOTE_TX_REQUESTS, "false", false, Kind.BOOLEAN);
		define(STOP_TRANSACTION_ON_INVALID_ID, "true", false, Kind.BOOLEAN);
		define("ConnectionTimeOut", "60", false, Kind.INTEGER);
		define("ResetRetries", "1", false, Kind.INTEGER);
		define("NumberOfConnectors", Integer.toString(connectors), true, Kind.INTEGER);
		define("LocalAuthorizeOffline", "false", false, Kind.BOOLEAN);
		define("LocalPreAuthorize", "false", false, Kind.BOOLEAN);
		define("ClockAlignedDataInterval", "0", false, Kind.INTEGER);
		define("MeterValuesAlignedData", "", false, Kind.TEXT);
		define("StopTxnAlignedData", "", false, Kind.TEXT);
		define("StopTxnSampledData", "", false, Kind.TEXT);
		define("StopTransactionOnEVSideDisconnect", "true", false, Kind.BOOLEAN);
		define("TransactionMessageAttempts", "3", false, Kind.INTEGER);
		define("TransactionMessageRetryInterval", "60", false, Kind.INTEGER);
		define("UnlockConnectorOnEVSideDisconnect", "true", false, Kind.BOOLEAN);
		define("WebSocketPingInterval", "0", false, Kind.INTEGER);
		define("GetConfigurationMaxKeys", "50", true, Kind.INTEGER);
		define("SupportedFeatureProfiles", "Core,RemoteTrigger", true, Kind.TEXT);
	}

	/** ChangeConfiguration: Accepted, Rejected (read-only or a bad value) or NotSupported (unknown key). */
	public String change(String key, String value) {
		Entry entry = entries.get(key);
		if (entry == null) {
			return "NotSupported";
		}
		if (entry.readonly() || !valid(entry.kind(), value)) {
			return "Rejected";
		}
		String stored = entry.kind() == Kind.BOOLEAN ? value.toLowerCase(Locale.ROOT) : value.trim();
		entries.put(key, new Entry(stored, false, entry.kind()));
		listeners.forEach(listener -> listener.accept(key));
		return "Accepted";
	}

	/** GetConfiguration: every key when none are named. */
	public Report report(List<String> keys) {
		List<KeyValue> known = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		for (String key : keys.isEmpty() ? List.copyOf(entries.keySet()) : keys) {
			Entry entry = entries.get(key);
			if (entry == null) {
				unknown.add(key);
			}
			else {
				known.add(new KeyValue(key, entry.readonly(), entry.value()));
			}
		}
		return new Report(known, unknown);
	}

	/** Set by the charger itself, e.g. HeartbeatInterval from the BootNotification answer. */
	public void set(String key, String value) {
		Entry entry = entries.get(key);
		entries.put(key, new Entry(value, entry != null && entry.readonly(), entry == null ? Kind.TEXT : entry.kind()));
		listeners.forEach(listener -> listener.accept(key));
	}

	public String value(String key) {
		Entry entry = entries.get(key);
		return entry == null ? null : entry.value();
	}

	public Duration seconds(String key) {
		return Duration.ofSeconds(Long.parseLong(value(key)));
	}

	public boolean enabled(String key) {
		return Boolean.parseBoolean(value(key));
	}

	public List<String> list(String key) {
		return Arrays.stream(value(key).split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
	}

	public void onChange(Consumer<String> listener) {
		listeners.add(listener);
	}

	private void define(String key, String value, boolean readonly, Kind kind) {
		entries.put(key, new Entry(value, readonly, kind));
	}

	private static boolean valid(Kind kind, String value) {
		if (value == null || value.length() > 500) {
			return false;
		}
		return switch (kind) {
			case INTEGER -> value.trim().matches("\\d{1,9}");
			case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
			case TEXT -> true;
		};
	}
}
