package io.chargepay.csms.ocpp.internal.ws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.CommandResult;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;

/**
 * One charger's live WebSocket connection: its incoming mailbox and its outgoing calls. The mailbox is the charger's,
 * handed from a replaced connection to its successor, so the message the old one was running finishes before the new
 * one's first starts; what the old one still had queued is dropped when its turn comes.
 */
final class ChargerConnection {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChargerConnection.class);

	private final String chargerId;
	private final WebSocket socket;
	private final Mailbox mailbox;
	private final OutboundCalls calls;
	private volatile boolean replaced;

	ChargerConnection(String chargerId, WebSocket socket, Mailbox mailbox, OutboundCalls.Factory calls) {
		this.chargerId = chargerId;
		this.socket = socket;
		this.mailbox = mailbox;
		this.calls = calls.create(this::send);
	}

	String chargerId() {
		return chargerId;
	}

	WebSocket socket() {
		return socket;
	}

	Mailbox mailbox() {
		return mailbox;
	}

	/** Queues a message of this connection; {@code onDropped} runs instead if it is replaced before its turn. */
	boolean enqueue(Supplier<CompletionStage<?>> incoming, Runnable onDropped) {
		return mailbox.offer(() -> {
			if (replaced) {
				onDropped.run();
				return CompletableFuture.completedFuture(null);
			}
			return incoming.get();
		});
	}

	CompletableFuture<CommandResult> call(ChargerCommand command) {
		return calls.submit(command);
	}

	boolean answered(String messageId, CommandResult outcome) {
		return calls.answered(messageId, outcome);
	}

	/**
	 * Sends a frame; on a connection that closed meanwhile (the charger reconnected) the frame is dropped with one
	 * INFO line: what it answered is committed, and the charger sends the message again on its new connection.
	 */
	void send(String text) {
		try {
			socket.send(text);
		}
		catch (WebsocketNotConnectedException closed) {
			log.info("Connection of charger {} closed before a frame could be sent; dropped it", chargerId);
		}
	}

	void closed() {
		calls.closed();
	}

	void disconnect() {
		socket.close(CloseFrame.NORMAL, "Disconnected by the central system");
	}

	/** From now on this connection's queued messages are dropped. Called before its successor receives any. */
	void markReplaced() {
		replaced = true;
	}

	void closeReplaced() {
		socket.close(CloseFrame.NORMAL, "Replaced by a new connection of the same charger");
	}
}
