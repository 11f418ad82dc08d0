package io.chargepay.csms.session.internal;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.chargepay.csms.persistence.UtcTimestamps;
import io.chargepay.csms.session.MeterSample;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Stores sampled values with the defaults OCPP 1.6 §7.43 gives to absent fields. */
@Component
public class MeterReadings {

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private static final String INSERT = """
			insert into meter_values (charger_id, connector_id, transaction_id, session_id, sampled_at, measurand, unit,
			  context, phase, location, format, raw_value, numeric_value, value_wh, received_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	MeterReadings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One batched INSERT for all of a message's sampled values, in the caller's transaction: with IDENTITY keys
	 * Hibernate would send one statement per value, and MeterValues are the bulk of a fleet's traffic.
	 */
	public void store(String chargerId, int connectorId, @Nullable Integer transactionId, @Nullable String sessionId,
			List<MeterSample> samples, Instant receivedAt) {
		if (samples.isEmpty()) {
			return;
		}
		jdbc.batchUpdate(INSERT, samples, samples.size(), (statement, sample) -> {
			String measurand = Objects.requireNonNullElse(sample.measurand(), "Energy.Active.Import.Register");
			String unit = Objects.requireNonNullElse(sample.unit(), "Wh");
			String format = Objects.requireNonNullElse(sample.format(), "Raw");
			BigDecimal numeric = "Raw".equals(format) ? parse(sample.value()) : null;
			statement.setString(1, chargerId);
			statement.setInt(2, connectorId);
			statement.setObject(3, transactionId, Types.INTEGER);
			statement.setString(4, sessionId);
			statement.setTimestamp(5, UtcTimestamps.of(sample.timestamp()));
			statement.setString(6, measurand);
			statement.setString(7, unit);
			statement.setString(8, Objects.requireNonNullElse(sample.context(), "Sample.Periodic"));
			statement.setString(9, sample.phase());
			statement.setString(10, Objects.requireNonNullElse(sample.location(), "Outlet"));
			statement.setString(11, format);
			statement.setString(12, sample.value());
			statement.setBigDecimal(13, numeric);
			statement.setBigDecimal(14, activeEnergyWh(measurand, unit, numeric));
			statement.setTimestamp(15, UtcTimestamps.of(receivedAt));
		});
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
