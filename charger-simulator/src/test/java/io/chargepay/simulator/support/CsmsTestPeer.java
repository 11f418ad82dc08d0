package io.chargepay.simulator.support;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import io.chargepay.simulator.ocpp.Json;
import io.chargepay.simulator.ocpp.OcppTime;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small CSMS for tests, on a real WebSocket server at 127.0.0.1 and a random port. It answers the charger's CALLs
 * the way a CSMS would, sends commands, checks every payload against the OCPP 1.6 schemas, and records everything
 * so tests can assert on what went over the wire. It is a peer of the simulator, not a mock of its code.
 */
public final class CsmsTestPeer extends WebSocketServer implements AutoCloseable {

	/** A CALL from a charger, in arrival order; connection counts the charger's connections from 1. */
	public record Received(String chargerId, int connection, String action, JsonNode payload, long sequence) {
	}

	private record Tag(String chargerId, int connection) {
	}

	/** What a charger sent in its WebSocket upgrade. */
	public record Handshake(String chargerId, String path, String authorization, String offeredProtocols) {
	}

	/** A charger's answer to one of our commands. */
	public record Answer(JsonNode payload, String errorCode) {
	}

	private final int heartbeatSeconds;
	private final Map<String, String> passwords;
	private final CompletableFuture<Void> started = new CompletableFuture<>();
	private final AtomicInteger transactionIds = new AtomicInteger(1000);
	private final AtomicLong sequence = new AtomicLong();
	private final AtomicLong messageIds = new AtomicLong();
	private final Object arrivals = new Object();
	private final List<Received> received = new ArrayList<>();
	private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
	private final List<String> violations = new CopyOnWriteArrayList<>();
	private final Map<String, WebSocket> connections = new ConcurrentHashMap<>();
	private final Map<String, AtomicInteger> connectionCounts = new ConcurrentHashMap<>();
	private final Map<String, PendingCommand> commands = new ConcurrentHashMap<>();
	private final Map<String, AtomicInteger> unanswered = new ConcurrentHashMap<>();
	private final Map<String, Integer> mostUnanswered = new ConcurrentHashMap<>();
	private final Set<String> rejectedTags = ConcurrentHashMap.newKeySet();
	private final ScheduledExecutorService delayedAnswers = Executors.newSingleThreadScheduledExecutor();
	private volatile Duration answerDelay = Duration.ZERO;

	private record PendingCommand(String action, CompletableFuture<Answer> answer) {
	}

	private CsmsTestPeer(int heartbeatSeconds, Map<String, String> passwords) {
		super(new InetSocketAddress("127.0.0.1", 0), List.<Draft>of(new Draft_6455(List.of(),
				List.<IProtocol>of(new Protocol("ocpp1.6"), new Protocol("")))));
		this.heartbeatSeconds = heartbeatSeconds;
		this.passwords = passwords;
		setReuseAddr(true);
	}

	/** A plain ws:// peer; when passwords is not empty, only those chargers with those keys get in. */
	public static CsmsTestPeer start(int heartbeatSeconds, Map<String, String> passwords) throws Exception {
		CsmsTestPeer peer = new CsmsTestPeer(heartbeatSeconds, passwords);
		peer.start();
		peer.started.get(10, TimeUnit.SECONDS);
		return peer;
	}

	/** A wss:// peer with the given server certificate. */
	public static CsmsTestPeer startTls(int heartbeatSeconds, SSLContext tls) throws Exception {
		CsmsTestPeer peer = new CsmsTestPeer(heartbeatSeconds, Map.of());
		peer.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
		peer.start();
		peer.started.get(10, TimeUnit.SECONDS);
		return peer;
	}

	public URI url() {
		return URI.create("ws://127.0.0.1:" + getPort() + "/ocpp");
	}

	public URI tlsUrl(String host) {
		return URI.create("wss://" + host + ":" + getPort() + "/ocpp");
	}

	/** From now on, answer each CALL only after this delay, to show whether a charger waits for answers. */
	public void answerAfter(Duration delay) {
		this.answerDelay = delay;
	}

	public void reject(String idTag) {
		rejectedTags.add(idTag);
	}

	public CompletableFuture<Answer> send(String chargerId, String action, Object payload) {
		WebSocket connection = connections.get(chargerId);
		if (connection == null) {
			return CompletableFuture.failedFuture(new IllegalStateException(chargerId + " is not connected"));
		}
		String messageId = "csms-" + messageIds.incrementAndGet();
		CompletableFuture<Answer> answer = new CompletableFuture<>();
		commands.put(messageId, new PendingCommand(action, answer));
		ArrayNode frame = Json.MAPPER.createArrayNode().add(2).add(messageId).add(action).add(Json.tree(payload));
		connection.send(Json.write(frame));
		return answer.orTimeout(10, TimeUnit.SECONDS);
	}

	/** Waits (bounded) until the charger's CALLs so far satisfy the condition; returns them. */
	public List<Received> awaitCalls(String chargerId, Predicate<List<Received>> condition, Duration timeout)
			throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (arrivals) {
			while (true) {
				List<Received> calls = calls(chargerId);
				if (condition.test(calls)) {
					return calls;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("timed out after " + timeout + " waiting on " + chargerId + "; got "
							+ calls.stream().map(Received::action).toList());
				}
				TimeUnit.NANOSECONDS.timedWait(arrivals, left);
			}
		}
	}

	/** Waits for at least count CALLs of this action from the charger; returns all of them so far. */
	public List<Received> awaitCalls(String chargerId, String action, int count, Duration timeout)
			throws InterruptedException {
		return awaitCalls(chargerId, calls -> calls.stream().filter(c -> c.action().equals(action)).count() >= count,
				timeout).stream().filter(c -> c.action().equals(action)).toList();
	}

	public List<Received> calls(String chargerId) {
		synchronized (arrivals) {
			return received.stream().filter(call -> call.chargerId().equals(chargerId)).toList();
		}
	}

	public List<Received> allCalls() {
		synchronized (arrivals) {
			return List.copyOf(received);
		}
	}

	public List<Handshake> handshakes() {
		return List.copyOf(handshakes);
	}

	public List<String> violations() {
		return List.copyOf(violations);
	}

	/** The most CALLs from this charger the peer ever held unanswered at once. */
	public int mostUnanswered(String chargerId) {
		return mostUnanswered.getOrDefault(chargerId, 0);
	}

	/** The transactionId of the latest StartTransaction answered. */
	public int lastTransactionId() {
		return transactionIds.get();
	}

	/** How many times the charger has connected so far. */
	public int connectionCount(String chargerId) {
		AtomicInteger count = connectionCounts.get(chargerId);
		return count == null ? 0 : count.get();
	}

	public boolean connected(String chargerId) {
		return connections.containsKey(chargerId);
	}

	@Override
	public void close() {
		delayedAnswers.shutdownNow();
		try {
			stop(1000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public org.java_websocket.handshake.ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn,
			Draft draft, ClientHandshake request) throws InvalidDataException {
		String chargerId = chargerId(request.getResourceDescriptor());
		handshakes.add(new Handshake(chargerId, request.getResourceDescriptor(), request.getFieldValue("Authorization"),
				request.getFieldValue("Sec-WebSocket-Protocol")));
		if (!passwords.isEmpty() && !new io.chargepay.simulator.transport.ChargerCredentials(chargerId,
				passwords.get(chargerId)).basicAuthorization().equals(request.getFieldValue("Authorization"))) {
			throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "bad credentials");
		}
		return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
	}

	@Override
	public void onOpen(WebSocket conn, ClientHandshake handshake) {
		String chargerId = chargerId(handshake.getResourceDescriptor());
		int number = connectionCounts.computeIfAbsent(chargerId, id -> new AtomicInteger()).incrementAndGet();
		conn.setAttachment(new Tag(chargerId, number));
		connections.put(chargerId, conn);
	}

	@Override
	public void onClose(WebSocket conn, int code, String reason, boolean remote) {
		Tag tag = conn.getAttachment();
		if (tag != null) {
			connections.remove(tag.chargerId(), conn);
		}
	}

	@Override
	public void onMessage(WebSocket conn, String text) {
		Tag tag = conn.getAttachment();
		String chargerId = tag.chargerId();
		JsonNode frame = Json.read(text);
		int type = frame.get(0).asInt();
		String messageId = frame.get(1).asString();
		if (type == 2) {
			String action = frame.get(2).asString();
			JsonNode payload = frame.get(3);
			if (!OcppSchemas.defines(action)) {
				conn.send(Json.write(Json.MAPPER.createArrayNode().add(4).add(messageId).add("NotImplemented")
						.add("unknown action " + action).add(Json.object())));
				return;
			}
			violations.addAll(OcppSchemas.violations(action, true, payload));
			record(new Received(chargerId, tag.connection(), action, payload, sequence.incrementAndGet()));
			int holding = unanswered.computeIfAbsent(chargerId, id -> new AtomicInteger()).incrementAndGet();
			mostUnanswered.merge(chargerId, holding, Math::max);
			String reply = Json.write(Json.MAPPER.createArrayNode().add(3).add(messageId).add(answer(action, payload)));
			Runnable send = () -> {
				unanswered.get(chargerId).decrementAndGet();
				if (conn.isOpen()) {
					conn.send(reply);
				}
			};
			if (answerDelay.isZero()) {
				send.run();
			}
			else {
				delayedAnswers.schedule(send, answerDelay.toMillis(), TimeUnit.MILLISECONDS);
			}
			return;
		}
		PendingCommand command = commands.remove(messageId);
		if (command == null) {
			violations.add("answer to unknown message " + messageId + ": " + text);
			return;
		}
		if (type == 3) {
			violations.addAll(OcppSchemas.violations(command.action(), false, frame.get(2)));
			command.answer().complete(new Answer(frame.get(2), null));
		}
		else {
			command.answer().complete(new Answer(Json.object(), frame.get(2).asString()));
		}
	}

	@Override
	public void onError(WebSocket conn, Exception ex) {
		if (conn == null) {
			started.completeExceptionally(ex);
		}
	}

	@Override
	public void onStart() {
		started.complete(null);
	}

	private JsonNode answer(String action, JsonNode payload) {
		ObjectNode answer = Json.object();
		String now = OcppTime.format(Instant.now());
		switch (action) {
			case "BootNotification" -> answer.put("status", "Accepted").put("currentTime", now)
					.put("interval", heartbeatSeconds);
			case "Heartbeat" -> answer.put("currentTime", now);
			case "Authorize" -> answer.set("idTagInfo", idTagInfo(payload.path("idTag").asString()));
			case "StartTransaction" -> {
				answer.put("transactionId", transactionIds.incrementAndGet());
				answer.set("idTagInfo", idTagInfo(payload.path("idTag").asString()));
			}
			case "StopTransaction" -> answer.set("idTagInfo", idTagInfo(payload.path("idTag").asString("")));
			case "DataTransfer" -> answer.put("status", "Accepted");
			default -> {
				// StatusNotification and MeterValues confirm with an empty object.
			}
		}
		return answer;
	}

	private ObjectNode idTagInfo(String idTag) {
		return Json.object().put("status", rejectedTags.contains(idTag) ? "Invalid" : "Accepted");
	}

	private void record(Received call) {
		synchronized (arrivals) {
			received.add(call);
			arrivals.notifyAll();
		}
	}

	private static String chargerId(String path) {
		String last = path.substring(path.lastIndexOf('/') + 1);
		return URLDecoder.decode(last, StandardCharsets.UTF_8);
	}
}
