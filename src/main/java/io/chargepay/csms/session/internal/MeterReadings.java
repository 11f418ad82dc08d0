package io.chargepay.csms.session.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.chargepay.csms.session.MeterSample;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Stores sampled values with the defaults OCPP 1.6 §7.43 gives to absent fields. */
@Component
public class MeterReadings {

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private final MeterValueRepository meterValues;

	MeterReadings(MeterValueRepository meterValues) {
		this.meterValues = meterValues;
	}

	public void store(String chargerId, int connectorId, @Nullable Integer transactionId, @Nullable String sessionId,
			List<MeterSample> samples, Instant receivedAt) {
		meterValues.saveAll(samples.stream()
				.map(sample -> toEntity(chargerId, connectorId, transactionId, sessionId, sample, receivedAt))
				.toList());
	}

	private static MeterValue toEntity(String chargerId, int connectorId, @Nullable Integer transactionId,
			@Nullable String sessionId, MeterSample sample, Instant receivedAt) {
		String measurand = Objects.requireNonNullElse(sample.measurand(), "Energy.Active.Import.Register");
		String unit = Objects.requireNonNullElse(sample.unit(), "Wh");
		String format = Objects.requireNonNullElse(sample.format(), "Raw");
		BigDecimal numeric = "Raw".equals(format) ? parse(sample.value()) : null;
		return new MeterValue(chargerId, connectorId, transactionId, sessionId, sample.timestamp(), measurand, unit,
				Objects.requireNonNullElse(sample.context(), "Sample.Periodic"), sample.phase(),
				Objects.requireNonNullElse(sample.location(), "Outlet"), format, sample.value(), numeric,
				activeEnergyWh(measurand, unit, numeric), receivedAt);
	}

	static @Nullable BigDecimal activeEnergyWh(String measurand, String unit, @Nullable BigDecimal value) {
		if (value == null || !measurand.startsWith("Energy.Active.")) {
			return null;
		}
		return switch (unit) {
			case "Wh" -> value;
			case "kWh" -> value.multiply(THOUSAND);
			default -> null;
		};
	}

	private static @Nullable BigDecimal parse(String value) {
		try {
			return new BigDecimal(value.trim());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}
}
