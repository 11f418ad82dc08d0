package io.chargepay.csms.ocpp.internal.ws;

import java.util.concurrent.CompletableFuture;

import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.CommandResult;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;

/** One charger's live WebSocket connection: its incoming mailbox and its outgoing calls. */
final class ChargerConnection {

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

	boolean enqueue(Runnable incoming) {
		return mailbox.offer(incoming);
	}

	CompletableFuture<CommandResult> call(ChargerCommand command) {
		return calls.submit(command);
	}

	boolean answered(String messageId, CommandResult outcome) {
		return calls.answered(messageId, outcome);
	}

	void send(String text) {
		socket.send(text);
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
