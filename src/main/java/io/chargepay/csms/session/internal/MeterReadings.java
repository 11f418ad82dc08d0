package io.chargepay.csms.session.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.persistence.GroupCommit;
import io.chargepay.csms.persistence.GroupCommits;
import io.chargepay.csms.persistence.UtcTimestamps;
import io.chargepay.csms.session.MeterSample;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Stores sampled values with the defaults OCPP 1.6 §7.43 gives to absent fields. */
@Component
public class MeterReadings {

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	private static final String INSERT = """
			insert into meter_values (charger_id, connector_id, transaction_id, session_id, sampled_at, measurand, unit,
			  context, phase, location, format, raw_value, numeric_value, value_wh, received_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	/** Typed, so that a null binds without the driver being asked for parameter metadata. */
	private static final int[] COLUMN_TYPES = { Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.VARCHAR,
			Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.DECIMAL, Types.DECIMAL, Types.TIMESTAMP };

	private final GroupCommit writes;

	MeterReadings(GroupCommits groupCommits) {
		this.writes = groupCommits.open("meter-values");
	}

	/**
	 * One batched INSERT for all of a message's sampled values (with IDENTITY keys Hibernate would send one statement
	 * per value, and MeterValues are the bulk of a fleet's traffic), committed together with other chargers' values
	 * (see {@link GroupCommit}), or in the caller's transaction if it has one. Completes once they are committed.
	 */
	public CompletableFuture<Void> store(String chargerId, int connectorId, @Nullable Integer transactionId, @Nullable String sessionId,
			List<MeterSample> samples, Instant receivedAt) {
		if (samples.isEmpty()) {
			return CompletableFuture.completedFuture(null);
		}
		Timestamp received = UtcTimestamps.of(receivedAt);
		List<Object[]> rows = samples.stream()
				.map(sample -> row(chargerId, connectorId, transactionId, sessionId, sample, received))
				.toList();
		return writes.submit(List.of(new GroupCommit.Rows(INSERT, COLUMN_TYPES, rows)));
	}

	private static Object[] row(String chargerId, int connectorId, @Nullable Integer transactionId,
			@Nullable String sessionId, MeterSample sample, Timestamp receivedAt) {
		String measurand = Objects.requireNonNullElse(sample.measurand(), "Energy.Active.Import.Register");
		String unit = Objects.requireNonNullElse(sample.unit(), "Wh");
		String format = Objects.requireNonNullElse(sample.format(), "Raw");
		BigDecimal numeric = "Raw".equals(format) ? parse(sample.value()) : null;
		return new Object[] { chargerId, connectorId, transactionId, sessionId, UtcTimestamps.of(sample.timestamp()),
				measurand, unit, Objects.requireNonNullElse(sample.context(), "Sample.Periodic"), sample.phase(),
				Objects.requireNonNullElse(sample.location(), "Outlet"), format, sample.value(), numeric,
				activeEnergyWh(measurand, unit, numeric), receivedAt };
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
