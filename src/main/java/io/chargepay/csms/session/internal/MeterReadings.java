package io.chargepay.csms.session.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

	private static final String INSERT = """
			insert into meter_values (charger_id, connector_id, transaction_id, session_id, sampled_at, measurand, unit,
			  context, phase, location, format, raw_value, numeric_value, value_wh, value_flag, received_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	/** raw_value's length in characters. */
	static final int RAW_VALUE_LENGTH = 4000;

	/** Typed, so that a null binds without the driver being asked for parameter metadata. */
	private static final int[] COLUMN_TYPES = { Types.VARCHAR, Types.INTEGER, Types.INTEGER, Types.VARCHAR,
			Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.DECIMAL, Types.DECIMAL, Types.VARCHAR, Types.TIMESTAMP };

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
		SampledNumber number = SampledNumber.of(sample.value(), "Raw".equals(format), measurand);
		String raw = fitted(sample.value());
		SampledNumber.Flag flag = raw.length() < sample.value().length() ? SampledNumber.Flag.TRUNCATED : number.flag();
		return new Object[] { chargerId, connectorId, transactionId, sessionId, UtcTimestamps.of(sample.timestamp()),
				measurand, unit, Objects.requireNonNullElse(sample.context(), "Sample.Periodic"), sample.phase(),
				Objects.requireNonNullElse(sample.location(), "Outlet"), format, raw, number.value(),
				activeEnergyWh(measurand, unit, number.value()), flag == null ? null : flag.name(), receivedAt };
	}

	/** The raw text cut to its column, never inside a surrogate pair. */
	static String fitted(String raw) {
		if (raw.codePointCount(0, raw.length()) <= RAW_VALUE_LENGTH) {
			return raw;
		}
		return raw.substring(0, raw.offsetByCodePoints(0, RAW_VALUE_LENGTH));
	}

	static @Nullable BigDecimal activeEnergyWh(String measurand, String unit, @Nullable BigDecimal value) {
		if (value == null || !measurand.startsWith("Energy.Active.")) {
			return null;
		}
		// value_wh is DECIMAL(24,3): a fitted value (18 integer digits) in kWh still fits it in Wh.
		return switch (unit) {
			case "Wh" -> value.setScale(3, RoundingMode.HALF_EVEN);
			case "kWh" -> value.movePointRight(3).setScale(3, RoundingMode.HALF_EVEN);
			default -> null;
		};
	}
}
