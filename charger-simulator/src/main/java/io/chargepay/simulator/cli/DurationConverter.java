package io.chargepay.simulator.cli;

import java.time.Duration;

import io.chargepay.simulator.Durations;
import picocli.CommandLine.ITypeConverter;

/** Lets every duration option take {@code 5s}, {@code 500ms}, {@code 2m} and the like. */
public final class DurationConverter implements ITypeConverter<Duration> {

	@Override
	public Duration convert(String value) {
		return Durations.parse(value);
	}
}
