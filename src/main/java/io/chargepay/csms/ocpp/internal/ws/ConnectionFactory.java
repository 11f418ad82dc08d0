package io.chargepay.csms.ocpp.internal.ws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;

/**
 * Makes each accepted connection a {@link ChargerSocket}, whose upgrade is decided on the admission pool, and wraps
 * its channel (plain or TLS) in a {@link HandshakeResponseChannel} under an upgrade deadline, after
 * counting it against its address's cap: one over the cap is closed at once, without reading a byte.
 */
final class ConnectionFactory implements WebSocketServerFactory {

	private final WebSocketServerFactory delegate;
	private final AddressConnections connections;
	private final UpgradeDeadline deadline;
	private final int maxUpgradeRequestBytes;
	private final Admissions admissions;

	ConnectionFactory(WebSocketServerFactory delegate, AddressConnections connections, UpgradeDeadline deadline,
			int maxUpgradeRequestBytes, Admissions admissions) {
		this.delegate = delegate;
		this.admissions = admissions;
		this.connections = connections;
		this.deadline = deadline;
		this.maxUpgradeRequestBytes = maxUpgradeRequestBytes;
	}

	@Override
	public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
		return new ChargerSocket(adapter, List.of(draft), admissions);
	}

	@Override
	public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
		return new ChargerSocket(adapter, drafts, admissions);
	}

	@Override
	public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
		InetAddress peer = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
		if (!connections.tryOpen(peer)) {
			// The library closes the channel; nothing was allocated for it yet.
			throw new IOException("Too many connections from " + peer);
		}
		try {
			HandshakeResponseChannel wrapped = new HandshakeResponseChannel(delegate.wrapChannel(channel, key),
					maxUpgradeRequestBytes, () -> connections.closed(peer));
			deadline.watch(wrapped, key);
			return wrapped;
		}
		catch (IOException | RuntimeException failed) {
			connections.closed(peer);
			throw failed;
		}
	}

	@Override
	public void close() {
		delegate.close();
	}
}
