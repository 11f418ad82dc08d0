package io.chargepay.simulator.charger;

import java.time.Duration;
import java.util.function.Supplier;

import io.chargepay.simulator.transport.Lane;

/**
 * Runs a task every interval on a lane: heartbeats, meter samples. The interval is read again before each wait, so a
 * ChangeConfiguration of HeartbeatInterval takes effect from the next tick; zero or less means "off" (OCPP 1.6 §9.1).
 */
public final class PeriodicTimer {

	private final Lane lane;
	private final Supplier<Duration> interval;
	private final Runnable tick;
	private Lane.Cancellable pending = Lane.Cancellable.NONE;
	/** Tells a firing that was already on its way when we stopped or restarted to do nothing. */
	private long generation;
	private boolean running;

	public PeriodicTimer(Lane lane, Supplier<Duration> interval, Runnable tick) {
		this.lane = lane;
		this.interval = interval;
		this.tick = tick;
	}

	/** Starts, or restarts from now when already running. */
	public void start() {
		stop();
		running = true;
		arm();
	}

	public void stop() {
		running = false;
		generation++;
		pending.cancel();
		pending = Lane.Cancellable.NONE;
	}

	public boolean running() {
		return running;
	}

	private void arm() {
		Duration next = interval.get();
		if (next.isZero() || next.isNegative()) {
			running = false;
			return;
		}
		long armedGeneration = ++generation;
		pending = lane.schedule(next, () -> fire(armedGeneration));
	}

	private void fire(long armedGeneration) {
		if (!running || armedGeneration != generation) {
			return;
		}
		tick.run();
		if (running && armedGeneration == generation) {
			arm();
		}
	}
}
