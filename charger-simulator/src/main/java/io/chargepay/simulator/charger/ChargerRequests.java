package io.chargepay.simulator.charger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chargepay.simulator.ocpp.OcppTime;

/** The payloads of the CALLs a charger sends, shaped as in the OCPP 1.6 JSON schemas. */
public final class ChargerRequests {

	public static final String VENDOR = "ChargePay";
	public static final String MODEL = "Simulator";
	public static final String FIRMWARE = "charger-simulator-0.1.0";
	public static final String ENERGY = "Energy.Active.Import.Register";
	public static final String POWER = "Power.Active.Import";

	private ChargerRequests() {
	}

	public record BootNotification(String chargePointVendor, String chargePointModel, String chargePointSerialNumber,
			String firmwareVersion, String meterType) {
	}

	public record StatusNotification(int connectorId, String errorCode, String status, String timestamp) {
	}

	public record Authorize(String idTag) {
	}

	public record StartTransaction(int connectorId, String idTag, long meterStart, String timestamp) {
	}

	public record StopTransaction(int transactionId, String idTag, long meterStop, String timestamp, String reason) {
	}

	public record SampledValue(String value, String context, String measurand, String unit) {
	}

	public record MeterValue(String timestamp, List<SampledValue> sampledValue) {
	}

	public record MeterValues(int connectorId, Integer transactionId, List<MeterValue> meterValue) {
	}

	public static BootNotification boot(String chargerId) {
		return new BootNotification(VENDOR, MODEL, "SIM-" + chargerId, FIRMWARE, "simulated");
	}

	public static Map<String, Object> heartbeat() {
		return Map.of();
	}

	public static StatusNotification status(int connectorId, String status, Instant at) {
		return new StatusNotification(connectorId, "NoError", status, OcppTime.format(at));
	}

	public static StartTransaction startTransaction(Transaction transaction) {
		return new StartTransaction(transaction.connectorId(), transaction.idTag(), transaction.meterStartWh(),
				OcppTime.format(transaction.startedAt()));
	}

	public static StopTransaction stopTransaction(Transaction transaction, long meterStopWh, Instant at,
			String reason) {
		return new StopTransaction(transaction.requireId(), transaction.idTag(), meterStopWh, OcppTime.format(at),
				reason);
	}

	/**
	 * One sample of the measurands the CSMS asked for in MeterValuesSampledData, of those this meter has: the energy
	 * register in Wh and the active power in W.
	 */
	public static MeterValues meterValues(int connectorId, Integer transactionId, MeterReading reading,
			String context, List<String> measurands) {
		List<SampledValue> values = new ArrayList<>();
		if (measurands.contains(ENERGY)) {
			values.add(new SampledValue(Long.toString(reading.energyWh()), context, ENERGY, "Wh"));
		}
		if (measurands.contains(POWER)) {
			values.add(new SampledValue(Long.toString(Math.round(reading.powerW())), context, POWER, "W"));
		}
		if (values.isEmpty()) {
			// A MeterValue needs at least one sample; the register is what every CSMS can use.
			values.add(new SampledValue(Long.toString(reading.energyWh()), context, ENERGY, "Wh"));
		}
		return new MeterValues(connectorId, transactionId,
				List.of(new MeterValue(OcppTime.format(reading.at()), values)));
	}
}
