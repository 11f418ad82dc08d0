package io.chargepay.csms.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A charger for tests, over a real WebSocket: sends CALLs and raw frames, receives the CSMS's calls, and checks that
 * every payload the CSMS sends conforms to the official OCPP 1.6 schemas (a violation fails the test that caused it).
 */
public final class TestCharger implements AutoCloseable {

	public static final JsonMapper JSON = JsonMapper.builder().build();
	private static final long WAIT_SECONDS = 10;

	private final Client client;
	private final Map<String, String> actionsByMessageId = new ConcurrentHashMap<>();
	private final BlockingQueue<ArrayNode> answers = new LinkedBlockingQueue<>();
	private final BlockingQueue<ArrayNode> callsFromCsms = new LinkedBlockingQueue<>();
	private final List<String> rawFramesReceived = new ArrayList<>();
	private final List<String> conformanceViolations = new ArrayList<>();
	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private TestCharger(URI uri, Map<String, String> headers, String subprotocol) {
		this.client = new Client(uri, headers, subprotocol);
	}

	public static TestCharger connect(int ocppPort, String chargerId, String password) {
		TestCharger charger = open(ocppPort, chargerId, password);
		if (!charger.isOpen()) {
			throw new IllegalStateException("Charger " + chargerId + " could not connect");
		}
		return charger;
	}

	/** Attempts a connection; check {@link #isOpen()}. */
	public static TestCharger open(int ocppPort, String chargerId, String password) {
		return open("ws", ocppPort, chargerId, password, null);
	}

	/** Connects over wss:// (security profile 2). */
	public static TestCharger connectTls(int ocppPort, String chargerId, String password,
			javax.net.ssl.SSLContext tls) {
		TestCharger charger = open("wss", ocppPort, chargerId, password, tls);
		if (!charger.isOpen()) {
			throw new IllegalStateException("Charger " + chargerId + " could not connect over TLS");
		}
		return charger;
	}

	public javax.net.ssl.SSLSession tlsSession() {
		return client.getSSLSession();
	}

	private static TestCharger open(String scheme, int ocppPort, String chargerId, String password,
			javax.net.ssl.SSLContext tls) {
		String basic = Base64.getEncoder()
				.encodeToString((chargerId + ":" + password).getBytes(StandardCharsets.UTF_8));
		URI uri = URI.create(scheme + "://127.0.0.1:" + ocppPort + "/ocpp/"
				+ java.net.URLEncoder.encode(chargerId, StandardCharsets.UTF_8).replace("+", "%20"));
		TestCharger charger = new TestCharger(uri, Map.of("Authorization", "Basic " + basic), "ocpp1.6");
		if (tls != null) {
			charger.client.setSocketFactory(tls.getSocketFactory());
		}
		try {
			charger.client.connectBlocking(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return charger;
	}

	public boolean isOpen() {
		return client.isOpen();
	}

	/** Sends a CALL and waits for its CALLRESULT or CALLERROR frame. */
	public ArrayNode call(String action, Object payload) {
		String messageId = UUID.randomUUID().toString();
		sendRaw(JSON.writeValueAsString(List.of(2, messageId, action, payload)), messageId, action);
		return awaitAnswer(messageId);
	}

	/** Sends a CALL whose payload is given as JSON text. */
	public ArrayNode callJson(String action, String payloadJson) {
		String messageId = UUID.randomUUID().toString();
		sendRaw("[2,\"" + messageId + "\",\"" + action + "\"," + payloadJson + "]", messageId, action);
		return awaitAnswer(messageId);
	}

	public ObjectNode result(String action, Object payload) {
		ArrayNode answer = call(action, payload);
		if (answer.get(0).asInt() != 3) {
			throw new AssertionError(action + " was answered with " + answer);
		}
		return (ObjectNode) answer.get(2);
	}

	public void sendRaw(String text) {
		client.send(text);
	}

	private void sendRaw(String text, String messageId, String action) {
		actionsByMessageId.put(messageId, action);
		client.send(text);
	}

	public ArrayNode awaitAnswer(String messageId) {
		ArrayNode answer = nextAnswer(WAIT_SECONDS);
		if (answer == null) {
			throw new AssertionError("No answer to " + messageId + " within " + WAIT_SECONDS + " s");
		}
		if (!answer.get(1).asString().equals(messageId)) {
			throw new AssertionError("Expected the answer to " + messageId + " but got " + answer);
		}
		return answer;
	}

	/** The next CALLRESULT/CALLERROR, or null if none arrives within the time given. */
	public ArrayNode nextAnswer(long seconds) {
		try {
			return answers.poll(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** Waits for the CSMS to send this charger a CALL. */
	public ArrayNode expectCall(String action) {
		ArrayNode call = nextCall(WAIT_SECONDS);
		if (call == null || !call.get(2).asString().equals(action)) {
			throw new AssertionError("Expected a " + action + " CALL but got " + call);
		}
		return call;
	}

	public ArrayNode nextCall(long seconds) {
		try {
			return callsFromCsms.poll(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	public void answer(ArrayNode call, Object payload) {
		client.send(JSON.writeValueAsString(List.of(3, call.get(1).asString(), payload)));
	}

	public synchronized List<String> rawFramesReceived() {
		return List.copyOf(rawFramesReceived);
	}

	public synchronized List<String> conformanceViolations() {
		return List.copyOf(conformanceViolations);
	}

	/** The close code the CSMS closed this connection with. */
	public int awaitCloseCode() {
		try {
			return closeCode.get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new AssertionError("Connection was not closed within " + WAIT_SECONDS + " s", e);
		}
	}

	public boolean closedWithin(long seconds) {
		try {
			closeCode.get(seconds, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception notClosed) {
			return false;
		}
	}

	@Override
	public void close() {
		try {
			client.closeBlocking();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (!conformanceViolations().isEmpty()) {
			throw new AssertionError("The CSMS sent payloads that break the OCPP 1.6 schemas: " + conformanceViolations());
		}
	}

	private synchronized void received(String text) {
		rawFramesReceived.add(text);
		ArrayNode frame = (ArrayNode) JSON.readTree(text);
		int type = frame.get(0).asInt();
		if (type == 2) {
			checkConformance(frame.get(2).asString(), true, frame.get(3));
			callsFromCsms.add(frame);
			return;
		}
		String action = actionsByMessageId.get(frame.get(1).asString());
		if (type == 3 && action != null) {
			checkConformance(action, false, frame.get(2));
		}
		answers.add(frame);
	}

	private void checkConformance(String action, boolean request, JsonNode payload) {
		OcppSchemas.violations(action, request, payload)
				.forEach(violation -> conformanceViolations.add(action + (request ? ".req" : ".conf") + ": " + violation));
	}

	private final class Client extends WebSocketClient {

		Client(URI uri, Map<String, String> headers, String subprotocol) {
			super(uri, new Draft_6455(List.of(), List.of(new Protocol(subprotocol))), headers, 5000);
		}

		@Override
		public void onOpen(ServerHandshake handshake) {
		}

		@Override
		public void onMessage(String message) {
			received(message);
		}

		@Override
		public void onClose(int code, String reason, boolean remote) {
			closeCode.complete(code);
		}

		@Override
		public void onError(Exception ex) {
		}
	}
}
