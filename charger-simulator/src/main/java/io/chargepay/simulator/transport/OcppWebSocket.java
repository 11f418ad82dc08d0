package io.chargepay.simulator.transport;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One charger's OCPP-J connection on the JDK's WebSocket client. It offers the {@code ocpp1.6} subprotocol, sends the
 * Basic credentials, reassembles fragmented text, and sends one frame at a time, because the JDK client refuses a
 * second send while one is pending.
 */
public final class OcppWebSocket {

	public static final String SUBPROTOCOL = "ocpp1.6";

	/** Called from the HTTP client's threads; implementations hand the work to their lane. */
	public interface Listener {

		void onText(OcppWebSocket socket, String text);

		void onClosed(OcppWebSocket socket, String reason);
	}

	private final Listener listener;
	private final AtomicBoolean closed = new AtomicBoolean();
	private final StringBuilder partial = new StringBuilder();
	private volatile WebSocket webSocket;
	private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

	private OcppWebSocket(Listener listener) {
		this.listener = listener;
	}

	public static CompletableFuture<OcppWebSocket> connect(HttpClient client, URI baseUrl,
			ChargerCredentials credentials, Duration connectTimeout, Listener listener) {
		OcppWebSocket socket = new OcppWebSocket(listener);
		WebSocket.Builder builder = client.newWebSocketBuilder()
				.subprotocols(SUBPROTOCOL)
				.connectTimeout(connectTimeout);
		if (credentials.hasPassword()) {
			builder.header("Authorization", credentials.basicAuthorization());
		}
		return builder.buildAsync(endpoint(baseUrl, credentials.chargerId()), socket.new Receiver())
				.thenApply(webSocket -> socket)
				.exceptionallyCompose(error -> CompletableFuture.failedFuture(explain(error)));
	}

	/** {@code ws://host:9000/ocpp} plus {@code /CHARGER-001}: the charge point id is the last path segment. */
	public static URI endpoint(URI baseUrl, String chargerId) {
		String base = baseUrl.toString();
		String separator = base.endsWith("/") ? "" : "/";
		return URI.create(base + separator + URLEncoder.encode(chargerId, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	public String subprotocol() {
		return webSocket.getSubprotocol();
	}

	public synchronized CompletableFuture<Void> send(String text) {
		CompletableFuture<Void> sent = lastSend.handle((ignored, error) -> null)
				.thenCompose(ignored -> webSocket.sendText(text, true))
				.thenApply(ignored -> null);
		lastSend = sent;
		return sent;
	}

	/** A clean close (1000), giving the CSMS a moment to answer before the socket is dropped. */
	public void close(String reason) {
		if (closed.compareAndSet(false, true)) {
			WebSocket current = webSocket;
			current.sendClose(WebSocket.NORMAL_CLOSURE, reason)
					.orTimeout(2, TimeUnit.SECONDS)
					.whenComplete((ignored, error) -> current.abort());
		}
	}

	/** Drops the TCP connection without a close handshake, the way a lost network does. */
	public void abort() {
		if (closed.compareAndSet(false, true)) {
			webSocket.abort();
		}
	}

	private static Throwable explain(Throwable error) {
		Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
		if (cause instanceof WebSocketHandshakeException handshake) {
			return new IllegalStateException("handshake refused: HTTP " + handshake.getResponse().statusCode(), cause);
		}
		return cause;
	}

	private final class Receiver implements WebSocket.Listener {

		@Override
		public void onOpen(WebSocket webSocket) {
			// Set here, not when connect() completes: the CSMS may send a CALL before that future's callbacks run.
			OcppWebSocket.this.webSocket = webSocket;
			webSocket.request(1);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				String text = partial.toString();
				partial.setLength(0);
				listener.onText(OcppWebSocket.this, text);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed.set(true);
			String detail = reason.isEmpty() ? "" : " " + reason;
			listener.onClosed(OcppWebSocket.this, "closed by CSMS (" + statusCode + detail + ")");
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed.set(true);
			listener.onClosed(OcppWebSocket.this, "connection error: " + error);
		}
	}
}
