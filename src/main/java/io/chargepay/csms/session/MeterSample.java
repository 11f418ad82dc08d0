package io.chargepay.csms.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One sampled value as a charger reports it (OCPP 1.6 SampledValue with its MeterValue timestamp). */
public record MeterSample(
		Instant timestamp,
		String value,
		@Nullable String context,
		@Nullable String format,
		@Nullable String measurand,
		@Nullable String phase,
		@Nullable String location,
		@Nullable String unit) {
}
