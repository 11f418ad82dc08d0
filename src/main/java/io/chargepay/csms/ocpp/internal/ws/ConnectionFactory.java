package io.chargepay.csms.ocpp.internal.ws;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.List;

import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;

/** Wraps each accepted channel (plain or TLS) in a {@link HandshakeResponseChannel}. */
final class ConnectionFactory implements WebSocketServerFactory {

	private final WebSocketServerFactory delegate;

	ConnectionFactory(WebSocketServerFactory delegate) {
		this.delegate = delegate;
	}

	@Override
	public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
		return delegate.createWebSocket(adapter, draft);
	}

	@Override
	public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> drafts) {
		return delegate.createWebSocket(adapter, drafts);
	}

	@Override
	public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
		return new HandshakeResponseChannel(delegate.wrapChannel(channel, key));
	}

	@Override
	public void close() {
		delegate.close();
	}
}
