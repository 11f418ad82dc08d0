package io.chargepay.csms.ocpp.internal.ws;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Java-WebSocket glue: turns the library's callbacks into calls on {@link OcppEndpoint}. */
final class OcppWebSocketServer extends WebSocketServer {

	private static final Logger log = LoggerFactory.getLogger(OcppWebSocketServer.class);

	/** Accepted connections the kernel may queue while the selector is busy (the JDK's default is 50). */
	static final int ACCEPT_BACKLOG = 2048;
	private static final Duration OVERLOADED_RETRY = Duration.ofSeconds(10);

	private final OcppEndpoint endpoint;
	private final long staleHandshakeNanos;
	private final Duration admissionRetryAfter;
	private final CompletableFuture<Void> listening = new CompletableFuture<>();

	OcppWebSocketServer(InetSocketAddress address, int decoders, int maxFrameBytes, Duration staleHandshake,
			Duration admissionRetryAfter, OcppEndpoint endpoint, ConnectionFactory sockets) {
		super(address, decoders, List.of(draft(maxFrameBytes)));
		this.endpoint = endpoint;
		this.staleHandshakeNanos = staleHandshake.toNanos();
		this.admissionRetryAfter = admissionRetryAfter;
		setMaxPendingConnections(ACCEPT_BACKLOG);
		setReuseAddr(true);
		setTcpNoDelay(true);
		setWebSocketFactory(sockets);
	}

	/**
	 * The empty protocol accepts a client that offers no ocpp1.6, so that the handshake step can refuse it with a 400
	 * of our own rather than the library's 404.
	 */
	private static Draft draft(int maxFrameBytes) {
		List<IProtocol> protocols = List.of(new Protocol(UpgradeRequest.SUBPROTOCOL), new Protocol(""));
		return new Draft_6455(List.of(), protocols, maxFrameBytes);
	}

	/**
	 * The selector thread accepts, reads and writes every connection, one accept per round of its loop. On a saturated
	 * CPU it got no more than its fair share among the workers and decoders, the accept queue overflowed and chargers'
	 * connects timed out (BENCHMARKS.md); it runs above them. With -XX:ThreadPriorityPolicy=1 Java priorities become
	 * nice values: raising one takes root or CAP_SYS_NICE, lowering the workers' (OcppWorkers) does not.
	 */
	@Override
	public void run() {
		Thread.currentThread().setPriority(Thread.MAX_PRIORITY);
		super.run();
	}

	/** Runs on an admission thread (ChargerSocket), or on the decoder for a refusal because that pool was full. */
	@Override
	public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket socket, Draft draft,
			ClientHandshake request) throws InvalidDataException {
		try {
			if (socket instanceof ChargerSocket charger && charger.admissionFull()) {
				throw new UpgradeRefusedException(UpgradeRefusal.ADMISSION_FULL, admissionRetryAfter);
			}
			// Under a connection storm, an upgrade that waited longer than the charger's own handshake timeout is
			// refused before the PBKDF2 check: its charger has gone and will retry, and checking its key would only
			// delay the ones still waiting.
			if (((WebSocketImpl) socket).getChannel() instanceof HandshakeResponseChannel channel
					&& channel.nanosSinceAccepted() > staleHandshakeNanos) {
				throw new UpgradeRefusedException(UpgradeRefusal.OVERLOADED, OVERLOADED_RETRY);
			}
			String chargerId = endpoint.admit(new UpgradeRequest(request.getResourceDescriptor(),
					request.getFieldValue("Sec-WebSocket-Protocol"), request.getFieldValue("Authorization")),
					socket.getRemoteSocketAddress().getAddress());
			socket.setAttachment(chargerId);
			return super.onWebsocketHandshakeReceivedAsServer(socket, draft, request);
		}
		catch (UpgradeRefusedException refused) {
			UpgradeRefusal refusal = refused.refusal();
			endpoint.refused(refusal);
			log.info("Refused upgrade {} from {}: {}", request.getResourceDescriptor(), socket.getRemoteSocketAddress(),
					refusal);
			((HandshakeResponseChannel) ((WebSocketImpl) socket).getChannel())
					.answerRefusalWith(refusal.httpResponse(refused.retryAfter()));
			throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, refusal.name());
		}
	}

	@Override
	public void onOpen(WebSocket socket, ClientHandshake handshake) {
		String chargerId = socket.getAttachment();
		socket.setAttachment(endpoint.opened(chargerId, socket));
	}

	@Override
	public void onMessage(WebSocket socket, String message) {
		if (socket.getAttachment() instanceof ChargerConnection connection) {
			endpoint.received(connection, message);
		}
	}

	/** OCPP-J is text only (OCPP-J 1.6 §3). */
	@Override
	public void onMessage(WebSocket socket, ByteBuffer message) {
		socket.close(CloseFrame.REFUSE, "OCPP-J uses text frames only");
	}

	@Override
	public void onClose(WebSocket socket, int code, String reason, boolean remote) {
		if (socket.getAttachment() instanceof ChargerConnection connection) {
			endpoint.closed(connection);
		}
	}

	@Override
	public void onError(WebSocket socket, Exception failure) {
		if (socket == null) {
			listening.completeExceptionally(failure);
		}
		log.warn("OCPP connection error ({})", socket == null ? "listener" : socket.getRemoteSocketAddress(), failure);
	}

	@Override
	public void onStart() {
		// On the selector thread, after the selector opened and before its first select.
		DrainingSelectedKeys.install(this);
		log.info("OCPP-J listener on {}", getAddress());
		listening.complete(null);
	}

	/** Waits until the port is bound, so that the application is not reported ready before chargers can connect. */
	void awaitListening() {
		try {
			listening.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException failed) {
			throw new IllegalStateException("OCPP-J listener failed to start on " + getAddress(), failed.getCause());
		}
		catch (TimeoutException | InterruptedException notStarted) {
			throw new IllegalStateException("OCPP-J listener did not start on " + getAddress(), notStarted);
		}
	}
}
