package io.chargepay.simulator.charger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.chargepay.simulator.support.VirtualLane;
import org.junit.jupiter.api.Test;

class PeriodicTimerTests {

	private final VirtualLane lane = new VirtualLane();
	private final AtomicReference<Duration> interval = new AtomicReference<>(Duration.ofSeconds(10));
	private final AtomicInteger ticks = new AtomicInteger();
	private final PeriodicTimer timer = new PeriodicTimer(lane, interval::get, ticks::incrementAndGet);

	@Test
	void ticksOnceEveryIntervalFromTheStart() {
		timer.start();

		lane.advance(Duration.ofSeconds(9));
		assertThat(ticks).hasValue(0);
		lane.advance(Duration.ofSeconds(26));

		assertThat(ticks).hasValue(3);
	}

	@Test
	void stopsTicking() {
		timer.start();
		lane.advance(Duration.ofSeconds(10));
		timer.stop();
		lane.advance(Duration.ofMinutes(5));

		assertThat(ticks).hasValue(1);
		assertThat(lane.pendingTimers()).isZero();
	}

	@Test
	void takesANewIntervalFromTheNextWaitOn() {
		timer.start();
		lane.advance(Duration.ofSeconds(10));
		interval.set(Duration.ofSeconds(2));
		lane.advance(Duration.ofSeconds(10));
		assertThat(ticks).as("the wait already begun still lasts 10 s").hasValue(2);

		lane.advance(Duration.ofSeconds(4));
		assertThat(ticks).hasValue(4);
	}

	@Test
	void restartingWaitsAFullIntervalAgain() {
		timer.start();
		lane.advance(Duration.ofSeconds(8));
		timer.start();
		lane.advance(Duration.ofSeconds(8));

		assertThat(ticks).hasValue(0);
		lane.advance(Duration.ofSeconds(2));
		assertThat(ticks).hasValue(1);
	}

	@Test
	void staysOffWhenTheIntervalIsZero() {
		interval.set(Duration.ZERO);
		timer.start();
		lane.advance(Duration.ofHours(1));

		assertThat(ticks).hasValue(0);
		assertThat(timer.running()).isFalse();
	}
}
