package io.chargepay.csms.ocpp.internal.ws;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import io.chargepay.csms.charger.ChargerAuthentication;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.charger.CommandResult;
import io.chargepay.csms.ocpp.OcppProperties;
import io.chargepay.csms.ocpp.internal.action.ActionDispatcher;
import io.chargepay.csms.ocpp.internal.rpc.ErrorCode;
import io.chargepay.csms.ocpp.internal.rpc.Frame;
import io.chargepay.csms.ocpp.internal.rpc.FrameCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.java_websocket.WebSocket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * What happens on a charger's connection, independent of the WebSocket library's callbacks: admission at the upgrade,
 * reading frames, answering CALLs through the dispatcher, matching answers to our own calls.
 */
@Component
class OcppEndpoint implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OcppEndpoint.class);

	private final ChargerService chargers;
	private final ConnectionRegistry registry;
	private final OcppWorkers workers;
	private final ActionDispatcher dispatcher;
	private final FrameCodec codec;
	private final OcppProperties properties;
	private final ScheduledExecutorService callTimer =
			Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("ocpp-call-timer-"));
	/** Disconnect bookkeeping runs here, never on the listener's selector thread. */
	private final ExecutorService lifecycle =
			Executors.newSingleThreadExecutor(new CustomizableThreadFactory("ocpp-lifecycle-"));
	private final OutboundCalls.Factory outboundCalls;
	private final Counter droppedFrames;
	private final Counter supersededMessages;
	private final OcppMetrics metrics;
	private final FailedUpgrades failedUpgrades;

	OcppEndpoint(ChargerService chargers, ConnectionRegistry registry, OcppWorkers workers,
			ActionDispatcher dispatcher, FrameCodec codec, OcppProperties properties, MeterRegistry meters,
			OcppMetrics metrics, FailedUpgrades failedUpgrades) {
		this.chargers = chargers;
		this.registry = registry;
		this.workers = workers;
		this.dispatcher = dispatcher;
		this.codec = codec;
		this.properties = properties;
		this.metrics = metrics;
		this.failedUpgrades = failedUpgrades;
		this.outboundCalls = new OutboundCalls.Factory(callTimer, properties.callTimeout(),
				(messageId, command) -> codec.call(messageId, command.action(), command),
				(command, outcome, latency) -> metrics.commandEnded(command.action(), outcomeLabel(outcome), latency));
		metrics.watchConnections(registry::size);
		this.droppedFrames = Counter.builder("csms.ocpp.frames.dropped")
				.description("Frames from chargers that could not be read and had no message id to answer")
				.register(meters);
		this.supersededMessages = Counter.builder("csms.ocpp.messages.superseded")
				.description("Messages queued on a connection that a newer one of the same charger replaced, dropped")
				.register(meters);
	}

	/**
	 * Decides an upgrade from {@code peer}: the charger id it admits, or the refusal. Runs on an admission thread.
	 * An address or identity with too many refused credentials lately is refused before the key check.
	 */
	String admit(UpgradeRequest request, InetAddress peer) throws UpgradeRefusedException {
		String chargerId = request.chargerId().orElseThrow(() -> new UpgradeRefusedException(UpgradeRefusal.BAD_REQUEST));
		if (!request.offersOcpp16()) {
			throw new UpgradeRefusedException(UpgradeRefusal.SUBPROTOCOL_NOT_OFFERED);
		}
		Optional<Duration> wait = failedUpgrades.retryAfter(peer, chargerId);
		if (wait.isPresent()) {
			throw new UpgradeRefusedException(UpgradeRefusal.RATE_LIMITED, wait.get());
		}
		UpgradeRefusal refusal = checkCredentials(request, chargerId);
		if (refusal != null) {
			failedUpgrades.failed(peer, chargerId);
			throw new UpgradeRefusedException(refusal);
		}
		return chargerId;
	}

	/**
	 * An unknown charger gets the same 401 as a wrong key, after the same work (ChargerService.authenticate), so
	 * neither the answer nor its timing tells which ids exist; only the refusal metric tells them apart.
	 */
	private @Nullable UpgradeRefusal checkCredentials(UpgradeRequest request, String chargerId) {
		Optional<UpgradeRequest.Credentials> credentials = request.credentials()
				.filter(given -> given.username().equals(chargerId));
		if (credentials.isEmpty()) {
			return UpgradeRefusal.UNAUTHORIZED;
		}
		ChargerAuthentication authentication = chargers.authenticate(chargerId, credentials.get().password());
		if (authentication == ChargerAuthentication.UNKNOWN_CHARGER) {
			return UpgradeRefusal.UNKNOWN_CHARGER;
		}
		return authentication == ChargerAuthentication.ACCEPTED ? null : UpgradeRefusal.UNAUTHORIZED;
	}

	/** Runs before the new connection's first message is read (on the admission thread that admitted it). */
	ChargerConnection opened(String chargerId, WebSocket socket) {
		AtomicReference<@Nullable ChargerConnection> replacedOne = new AtomicReference<>();
		ChargerConnection connection = registry.register(chargerId, previous -> {
			replacedOne.set(previous);
			if (previous == null) {
				return new ChargerConnection(chargerId, socket,
						new Mailbox(workers, properties.maxPendingCallsPerCharger()), outboundCalls);
			}
			previous.markReplaced();
			return new ChargerConnection(chargerId, socket, previous.mailbox(), outboundCalls);
		});
		metrics.connected();
		ChargerConnection replaced = replacedOne.get();
		if (replaced != null) {
			log.info("Charger {} connected again; closing its previous connection", chargerId);
			replaced.closeReplaced();
		}
		else {
			log.info("Charger {} connected from {}", chargerId, socket.getRemoteSocketAddress());
		}
		return connection;
	}

	void received(ChargerConnection connection, String text) {
		Frame frame = codec.read(text);
		if (frame instanceof Frame.Call call) {
			accept(connection, call);
		}
		else if (frame instanceof Frame.CallResult result) {
			matchAnswer(connection, result.messageId(), new CommandResult.Answered(codec.toMap(result.payload())));
		}
		else if (frame instanceof Frame.CallError error) {
			matchAnswer(connection, error.messageId(),
					new CommandResult.CallError(error.errorCode(), error.errorDescription()));
		}
		else if (frame instanceof Frame.Malformed malformed) {
			refuse(connection, malformed);
		}
	}

	void closed(ChargerConnection connection) {
		lifecycle.execute(() -> {
			metrics.disconnected();
			connection.closed();
			if (registry.unregister(connection)) {
				log.info("Charger {} disconnected", connection.chargerId());
			}
		});
	}

	void refused(UpgradeRefusal refusal) {
		metrics.upgradeRefused(refusal);
	}

	private void accept(ChargerConnection connection, Frame.Call call) {
		long arrived = System.nanoTime();
		boolean queued = connection.enqueue(() -> {
			CompletableFuture<ActionDispatcher.Reply> reply;
			try (MDC.MDCCloseable charger = MDC.putCloseable("chargerId", connection.chargerId());
					MDC.MDCCloseable message = MDC.putCloseable("messageId", call.messageId())) {
				reply = dispatcher.dispatch(connection.chargerId(), call);
			}
			// Answered once the handler has finished, which for a group-committed write is after the commit.
			return reply.thenAccept(answer -> {
				connection.send(answer.frame());
				metrics.handled(ActionDispatcher.label(call.action()), answer.outcome(),
						Duration.ofNanos(System.nanoTime() - arrived));
			});
		}, () -> {
			supersededMessages.increment();
			log.info("Dropped message {} ({}) of charger {}: it arrived on a connection replaced before its turn; the "
					+ "charger resends it unanswered", call.messageId(), call.action(), connection.chargerId());
		});
		if (!queued) {
			connection.send(codec.callError(call.messageId(), ErrorCode.GenericError,
					"Too many requests in flight; send one CALL at a time (OCPP-J 4.1.1)"));
			metrics.handled(ActionDispatcher.label(call.action()), ErrorCode.GenericError.name(), Duration.ZERO);
		}
	}

	/**
	 * Every status an OCPP 1.6 confirmation to one of our calls can carry. A charger's answer is its input: a status
	 * outside these is labelled "answered", so no charger can grow the metric's series without bound.
	 */
	private static final Set<String> OCPP16_ANSWER_STATUSES = Set.of("Accepted", "Rejected", "Scheduled",
			"RebootRequired", "NotSupported", "Unlocked", "UnlockFailed", "Failed", "VersionMismatch", "NotImplemented",
			"UnknownMessageId", "UnknownVendorId", "Occupied", "Faulted", "Unavailable", "Unknown");

	/** accepted, rejected, ... (the answer's OCPP status), answered (any other), or call_error, timeout, offline. */
	static String outcomeLabel(CommandResult outcome) {
		if (outcome instanceof CommandResult.Answered answered) {
			return answered.status() instanceof String status && OCPP16_ANSWER_STATUSES.contains(status)
					? status.toLowerCase(java.util.Locale.ROOT) : "answered";
		}
		if (outcome instanceof CommandResult.CallError) {
			return "call_error";
		}
		return outcome instanceof CommandResult.TimedOut ? "timeout" : "offline";
	}

	/** An answer nobody waits for (late, or never asked) is logged and dropped: answering an answer is not allowed. */
	private void matchAnswer(ChargerConnection connection, String messageId, CommandResult outcome) {
		if (!connection.answered(messageId, outcome)) {
			metrics.unansweredAnswerDropped();
			log.warn("Charger {} answered message {} that no call is waiting for; ignored", connection.chargerId(),
					messageId);
		}
	}

	private void refuse(ChargerConnection connection, Frame.Malformed malformed) {
		if (malformed.messageId() == null) {
			droppedFrames.increment();
			log.warn("Dropped an unreadable frame from charger {}: {}", connection.chargerId(), malformed.reason());
			return;
		}
		connection.send(codec.callError(malformed.messageId(), malformed.errorCode(), malformed.reason()));
	}

	@Override
	public void destroy() {
		callTimer.shutdownNow();
		lifecycle.shutdown();
	}
}
