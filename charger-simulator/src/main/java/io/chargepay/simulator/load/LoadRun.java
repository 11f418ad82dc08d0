package io.chargepay.simulator.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.chargepay.simulator.charger.ChargePoint;
import io.chargepay.simulator.charger.ChargerSettings;
import io.chargepay.simulator.ocpp.OcppTime;
import io.chargepay.simulator.transport.SharedRuntime;

/**
 * A fleet of chargers in one process: they connect at the ramp rate, boot, heartbeat, and some charge in cycles, for
 * the run's duration. All of them share one HTTP client and a few threads (see {@link SharedRuntime}); nothing here
 * blocks per charger.
 */
public final class LoadRun {

	private final LoadSettings settings;
	private final PrintWriter out;
	private final Clock clock;

	public LoadRun(LoadSettings settings, PrintWriter out, Clock clock) {
		this.settings = settings;
		this.out = out;
		this.clock = clock;
	}

	public LoadReport run() throws InterruptedException {
		LoadStatistics statistics = new LoadStatistics();
		String startedAt = OcppTime.format(clock.instant());
		try (SharedRuntime runtime = new SharedRuntime(settings.tls(), settings.connectTimeout())) {
			long began = System.nanoTime();
			List<ChargePoint> chargers = new ArrayList<>();
			List<TransactionCycle> cycles = new ArrayList<>();
			List<ScheduledFuture<?>> scheduled = new ArrayList<>(); // starts and window marks, cancelled at the end
			RampPacer pacer = new RampPacer(settings.rampPerSecond());
			TransactionShare share = new TransactionShare(settings.transactionShare());
			SplittableRandom random = new SplittableRandom(42);
			for (int index = 0; index < settings.chargers(); index++) {
				ChargePoint charger = new ChargePoint(chargerSettings(index), runtime.newLane(), runtime.httpClient(),
						statistics, clock);
				chargers.add(charger);
				TransactionCycle cycle = share.selects(index) ? new TransactionCycle(charger, runtime.timer(),
						settings.transactionLength(), settings.transactionPause(), settings.idTagOf(index), settings.authorizeFirst(),
						settings.transactionsPerCharger(), random.split())
						: null;
				if (cycle != null) {
					cycles.add(cycle);
				}
				scheduled.add(runtime.timer().schedule(() -> start(charger, cycle), pacer.delayOf(index).toNanos(),
						TimeUnit.NANOSECONDS));
			}
			out.printf(Locale.ROOT, "load: %d chargers at %.1f/s (ramp %.1f s), %d with transactions, for %s%n",
					settings.chargers(), settings.rampPerSecond(), pacer.rampTime(settings.chargers()).toMillis() / 1000.0,
					cycles.size(), settings.duration());
			ProgressLine progress = new ProgressLine(statistics, settings.chargers(), out, began);
			ScheduledFuture<?> ticker = runtime.timer().scheduleAtFixedRate(progress::print,
					settings.progressInterval().toMillis(), settings.progressInterval().toMillis(), TimeUnit.MILLISECONDS);
			MeasurementWindow window = settings.window();
			if (window != null) {
				scheduled.add(runtime.timer().schedule(statistics::openWindow, window.from().toNanos(), TimeUnit.NANOSECONDS));
				scheduled.add(runtime.timer().schedule(statistics::closeWindow, window.until().toNanos(), TimeUnit.NANOSECONDS));
			}
			TimeUnit.NANOSECONDS.sleep(settings.duration().toNanos());

			scheduled.forEach(task -> task.cancel(false));
			statistics.closeWindow();
			ticker.cancel(false);
			awaitAll(cycles, TransactionCycle::finish, settings.drain());
			awaitAll(chargers, ChargePoint::whenIdle, settings.drain());
			long elapsed = System.nanoTime() - began;
			LoadReport report = report(statistics, startedAt, elapsed);
			awaitAll(chargers, ChargePoint::shutdown, Duration.ofSeconds(10));
			return report;
		}
	}

	public void writeReport(LoadReport report) throws IOException {
		report.print(out);
		if (settings.report() != null) {
			report.write(settings.report());
			out.println("report written to " + settings.report());
		}
	}

	private void start(ChargePoint charger, TransactionCycle cycle) {
		CompletableFuture<?> booted = charger.start();
		if (cycle != null) {
			booted.thenRun(cycle::begin);
		}
	}

	private ChargerSettings chargerSettings(int index) {
		String id = settings.ids().id(index);
		return ChargerSettings.of(settings.url(), id, settings.ids().password(id))
				.withMeterInterval(settings.meterInterval())
				.withHeartbeatInterval(settings.heartbeatInterval())
				.withPowerKw(settings.powerKw())
				.withCallTimeout(settings.callTimeout());
	}

	private LoadReport report(LoadStatistics statistics, String startedAt, long elapsedNanos) {
		return new LoadReport(startedAt, elapsedNanos / 1e9, settings.chargers(), statistics.connects(),
				statistics.connectFailures(), statistics.connectFailureReasons(), statistics.disconnects(),
				statistics.bootsAccepted(),
				statistics.framesSent(), statistics.framesReceived(),
				RateMeter.overall(statistics.frames(), elapsedNanos), statistics.errors(),
				statistics.handshakeSummary(elapsedNanos), statistics.summaries(elapsedNanos), window(statistics));
	}

	private LoadReport.Window window(LoadStatistics statistics) {
		MeasurementWindow window = settings.window();
		return window == null ? null : new LoadReport.Window(window.from().toMillis() / 1000.0,
				window.until().toMillis() / 1000.0, statistics.windowSummaries(window.length().toNanos()));
	}

	/** Waits, bounded, for one future per item; what is still open at the deadline is left behind. */
	private <T> void awaitAll(List<T> items, Function<T, CompletableFuture<?>> action, Duration limit)
			throws InterruptedException {
		CompletableFuture<?>[] futures = items.stream().map(action).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(futures).get(limit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException e) {
			// Errors are already counted by the statistics; a timeout here only cuts the drain short.
		}
	}

	/** The line printed every few seconds while the run goes. */
	private static final class ProgressLine {

		private final LoadStatistics statistics;
		private final int chargers;
		private final PrintWriter out;
		private final long began;
		private final RateMeter rate;

		ProgressLine(LoadStatistics statistics, int chargers, PrintWriter out, long began) {
			this.statistics = statistics;
			this.chargers = chargers;
			this.out = out;
			this.began = began;
			this.rate = new RateMeter(began, 0);
		}

		void print() {
			long now = System.nanoTime();
			out.printf(Locale.ROOT, "[%5.0fs] connected %d/%d  booted %d  msg/s %.1f  answered %d  errors %d"
					+ "  connect failures %d%n", (now - began) / 1e9, statistics.connectedNow(), chargers,
					statistics.bootsAccepted(), rate.rate(now, statistics.frames()), statistics.answered(),
					statistics.errors(), statistics.connectFailures());
		}
	}
}
