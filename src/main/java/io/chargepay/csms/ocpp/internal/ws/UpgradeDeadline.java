package io.chargepay.csms.ocpp.internal.ws;

import java.nio.channels.SelectionKey;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.chargepay.csms.ocpp.OcppProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Closes a connection whose upgrade request is not complete csms.ocpp.limits.upgrade-deadline after it was accepted:
 * a client that opens sockets and sends its headers a byte at a time (slowloris) holds them that long at most. An
 * upgrade fully received but still waiting for a decoder is left alone (the stale-handshake rule answers it).
 */
@Component
class UpgradeDeadline implements DisposableBean {

	private final ScheduledExecutorService timer =
			Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("ocpp-upgrade-deadline-"));
	private final Duration deadline;
	private final Counter expired;

	UpgradeDeadline(OcppProperties properties, MeterRegistry meters) {
		this.deadline = properties.limits().upgradeDeadline();
		this.expired = Counter.builder("csms.ocpp.upgrades.deadline.expired")
				.description("Connections closed because their upgrade request was not complete in time")
				.register(meters);
	}

	/** {@code key} is the connection's, its attachment the library's connection. */
	void watch(HandshakeResponseChannel channel, SelectionKey key) {
		timer.schedule(() -> {
			if (!channel.requestComplete() && channel.isOpen() && key.attachment() instanceof WebSocketImpl socket) {
				expired.increment();
				socket.closeConnection(CloseFrame.NEVER_CONNECTED, "Upgrade request not complete in time");
			}
		}, deadline.toNanos(), TimeUnit.NANOSECONDS);
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}
}
