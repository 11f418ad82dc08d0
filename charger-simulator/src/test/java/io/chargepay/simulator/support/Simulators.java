package io.chargepay.simulator.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.chargepay.simulator.charger.ChargePoint;
import io.chargepay.simulator.charger.ChargerSettings;
import io.chargepay.simulator.ocpp.ConsoleExchangeLog;
import io.chargepay.simulator.ocpp.ExchangeObserver;
import io.chargepay.simulator.transport.SharedRuntime;
import io.chargepay.simulator.transport.TlsSettings;

/** Real simulated chargers for protocol tests, on a shared runtime that closes with the test. */
public final class Simulators implements AutoCloseable {

	private final SharedRuntime runtime;
	private final List<ChargePoint> chargers = new ArrayList<>();
	private final RecordingObserver recorder = new RecordingObserver();
	private final StringWriter log = new StringWriter();
	private final ConsoleExchangeLog console = new ConsoleExchangeLog(new PrintWriter(log, true), Clock.systemUTC(),
			true);

	public Simulators() {
		this(TlsSettings.defaults());
	}

	public Simulators(TlsSettings tls) {
		this.runtime = new SharedRuntime(tls, Duration.ofSeconds(5));
	}

	/** Test settings: one connector, 1 s meter interval, short call timeout and reboot delay. */
	public static ChargerSettings settings(URI url, String id, String password) {
		return ChargerSettings.of(url, id, password).withMeterInterval(Duration.ofSeconds(1))
				.withCallTimeout(Duration.ofSeconds(5)).withRebootDelay(Duration.ofMillis(200));
	}

	public ChargePoint charger(ChargerSettings settings) {
		ChargePoint charger = new ChargePoint(settings, runtime.newLane(), runtime.httpClient(),
				ExchangeObserver.all(List.of(recorder, console)), Clock.systemUTC());
		chargers.add(charger);
		return charger;
	}

	public RecordingObserver recorder() {
		return recorder;
	}

	/** Everything the chargers logged, one line per message, for failure messages. */
	public String log() {
		return log.toString();
	}

	@Override
	public void close() {
		CompletableFuture<?>[] stopping = chargers.stream().map(ChargePoint::shutdown).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(stopping).get(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("chargers did not shut down cleanly", e);
		}
		finally {
			runtime.close();
		}
	}
}
