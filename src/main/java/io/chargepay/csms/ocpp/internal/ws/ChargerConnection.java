package io.chargepay.csms.ocpp.internal.ws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.CommandResult;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;

/** One charger's live WebSocket connection: its incoming mailbox and its outgoing calls. */
final class ChargerConnection {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChargerConnection.class);

	private final String chargerId;
	private final WebSocket socket;
	private final Mailbox mailbox;
	private final OutboundCalls calls;

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

	boolean enqueue(Supplier<CompletionStage<?>> incoming) {
		return mailbox.offer(incoming);
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

	void replacedByNewConnection() {
		socket.close(CloseFrame.NORMAL, "Replaced by a new connection of the same charger");
	}
}
