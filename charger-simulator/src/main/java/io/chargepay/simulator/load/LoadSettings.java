package io.chargepay.simulator.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import io.chargepay.simulator.transport.TlsSettings;

/**
 * A load run: how many chargers, how fast they connect, what they do, and for how long.
 *
 * @param heartbeatInterval overrides the CSMS's BootNotification interval; null keeps it
 * @param transactionShare the fraction (0..1) of chargers that start and stop transactions in a cycle
 * @param idTag the cycles' idTag; {@value #CHARGER_NUMBER} in it stands for the charger's number (1, 2, ...), so that
 *        every charger can present its own driver's tag
 * @param authorizeFirst whether each start is preceded by an Authorize of the idTag, as an RFID reader does
 * @param transactionsPerCharger how many transactions each cycling charger starts at most; 0 for no limit
 * @param drain how long to wait at the end for outstanding calls before closing the connections
 * @param window the part of the run whose calls the report also shows on their own; null for none
 */
public record LoadSettings(URI url, TlsSettings tls, Duration callTimeout, Duration connectTimeout, int chargers,
		ChargerIds ids, double rampPerSecond, Duration heartbeatInterval, Duration meterInterval,
		double transactionShare, Duration transactionLength, Duration transactionPause, String idTag,
		boolean authorizeFirst, int transactionsPerCharger, double powerKw, Duration duration, Duration progressInterval, Duration drain, Path report,
		MeasurementWindow window) {

	public static final String CHARGER_NUMBER = "{n}";

	public LoadSettings {
		if (chargers < 1) {
			throw new IllegalArgumentException("--chargers must be at least 1");
		}
		if (rampPerSecond <= 0) {
			throw new IllegalArgumentException("--ramp must be more than 0 connections per second");
		}
		if (transactionShare < 0 || transactionShare > 1) {
			throw new IllegalArgumentException("--transaction-share must be between 0 and 1");
		}
		if (transactionsPerCharger < 0) {
			throw new IllegalArgumentException("--transactions-per-charger must be 0 (no limit) or more");
		}
		if (window != null && window.until().compareTo(duration) > 0) {
			throw new IllegalArgumentException("the measurement window ends within --duration");
		}
	}

	/** The idTag the charger at {@code index} (0-based) presents. */
	public String idTagOf(int index) {
		return idTag.replace(CHARGER_NUMBER, Integer.toString(index + 1));
	}
}
