package io.chargepay.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.chargepay.simulator.ocpp.CallTimeoutException;
import io.chargepay.simulator.ocpp.Json;
import io.chargepay.simulator.ocpp.NotConnectedException;
import io.chargepay.simulator.ocpp.OcppMessage.Call;
import io.chargepay.simulator.ocpp.OcppMessage.CallError;
import io.chargepay.simulator.ocpp.OcppMessage.CallResult;
import org.junit.jupiter.api.Test;

/** Percentiles, error counts and rates, from the HdrHistogram-backed statistics. */
class StatisticsTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	@Test
	void reportsLatencyPercentilesInMilliseconds() {
		ActionStatistics heartbeat = new ActionStatistics("Heartbeat");
		for (int millis = 1; millis <= 100; millis++) {
			heartbeat.sent();
			heartbeat.answered(false, TimeUnit.MILLISECONDS.toNanos(millis));
		}

		ActionSummary summary = heartbeat.summary(10 * SECOND);

		assertThat(summary.count()).isEqualTo(100);
		assertThat(summary.p50Ms()).isCloseTo(50, within(0.1));
		assertThat(summary.p95Ms()).isCloseTo(95, within(0.1));
		assertThat(summary.p99Ms()).isCloseTo(99, within(0.1));
		assertThat(summary.maxMs()).isCloseTo(100, within(0.1));
		assertThat(summary.perSecond()).isEqualTo(10.0);
	}

	@Test
	void countsCallErrorsTimeoutsAndLostCallsAsErrors() {
		ActionStatistics start = new ActionStatistics("StartTransaction");
		start.answered(true, SECOND);
		start.timedOut();
		start.lost();
		start.answered(false, SECOND);

		ActionSummary summary = start.summary(SECOND);

		assertThat(summary.errors()).isEqualTo(3);
		assertThat(summary.callErrors()).isEqualTo(1);
		assertThat(summary.timeouts()).isEqualTo(1);
		assertThat(summary.answered()).isEqualTo(2);
	}

	@Test
	void gathersWhatEveryChargerReports() {
		LoadStatistics statistics = new LoadStatistics();
		Call boot = new Call("1", "BootNotification", Json.object());
		Call heartbeat = new Call("2", "Heartbeat", Json.object());

		statistics.connected("A", TimeUnit.MILLISECONDS.toNanos(5));
		statistics.connected("B", TimeUnit.MILLISECONDS.toNanos(7));
		statistics.callSent("A", boot);
		statistics.callAnswered("A", boot, new CallResult("1", Json.read("{\"status\":\"Accepted\"}")), SECOND);
		statistics.callSent("B", heartbeat);
		statistics.callAnswered("B", heartbeat, new CallError("2", "InternalError", "", Json.object()), SECOND);
		statistics.callFailed("A", "Heartbeat", new CallTimeoutException("Heartbeat", Duration.ofSeconds(30)), SECOND);
		statistics.callFailed("A", "MeterValues", new NotConnectedException("MeterValues"), SECOND);
		statistics.connectFailed("C", "refused");
		statistics.disconnected("B", "gone");

		assertThat(statistics.connectedNow()).isEqualTo(1);
		assertThat(statistics.connects()).isEqualTo(2);
		assertThat(statistics.connectFailures()).isEqualTo(1);
		assertThat(statistics.bootsAccepted()).isEqualTo(1);
		assertThat(statistics.frames()).isEqualTo(4);
		assertThat(statistics.errors()).isEqualTo(3);
		assertThat(statistics.summaries(SECOND)).extracting(ActionSummary::action)
				.containsExactly("BootNotification", "Heartbeat", "MeterValues");
	}

	@Test
	void keepsTheCallsOfTheMeasurementWindowApartFromTheRampAndTheDrain() {
		LoadStatistics statistics = new LoadStatistics();
		Call rampHeartbeat = new Call("1", "Heartbeat", Json.object());
		Call steadyHeartbeat = new Call("2", "Heartbeat", Json.object());
		Call drainStop = new Call("3", "StopTransaction", Json.object());

		statistics.callSent("A", rampHeartbeat);
		statistics.callAnswered("A", rampHeartbeat, new CallResult("1", Json.object()), 8 * SECOND);
		statistics.openWindow();
		statistics.callSent("A", steadyHeartbeat);
		statistics.callAnswered("A", steadyHeartbeat, new CallResult("2", Json.object()), TimeUnit.MILLISECONDS.toNanos(3));
		statistics.callFailed("A", "MeterValues", new CallTimeoutException("MeterValues", Duration.ofSeconds(30)), SECOND);
		statistics.closeWindow();
		statistics.callSent("A", drainStop);
		statistics.callAnswered("A", drainStop, new CallResult("3", Json.object()), 5 * SECOND);

		assertThat(statistics.windowSummaries(2 * SECOND)).extracting(ActionSummary::action)
				.containsExactly("Heartbeat", "MeterValues");
		ActionSummary heartbeat = statistics.windowSummaries(2 * SECOND).get(0);
		assertThat(heartbeat.count()).isEqualTo(1);
		assertThat(heartbeat.maxMs()).isCloseTo(3, within(0.01));
		assertThat(heartbeat.perSecond()).isEqualTo(0.5);
		assertThat(statistics.windowSummaries(2 * SECOND).get(1).timeouts()).isEqualTo(1);
		assertThat(statistics.summaries(2 * SECOND)).extracting(ActionSummary::count).containsExactly(2L, 0L, 1L);
	}

	@Test
	void turnsACounterIntoMessagesPerSecondBetweenReadings() {
		RateMeter meter = new RateMeter(0, 0);

		assertThat(meter.rate(2 * SECOND, 500)).isEqualTo(250.0);
		assertThat(meter.rate(3 * SECOND, 600)).isEqualTo(100.0);
		assertThat(meter.rate(3 * SECOND, 700)).isZero();
		assertThat(RateMeter.overall(1000, 4 * SECOND)).isEqualTo(250.0);
	}
}
