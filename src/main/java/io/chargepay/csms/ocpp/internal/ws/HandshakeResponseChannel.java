package io.chargepay.csms.ocpp.internal.ws;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

import org.java_websocket.WrappedByteChannel;
import org.jspecify.annotations.Nullable;

/**
 * The connection's byte channel, able to answer a refused upgrade with our own HTTP status. Java-WebSocket 1.6.0 writes a
 * hard-coded 404 for every refused handshake ({@code WebSocketImpl.closeConnectionDueToWrongHandshake}); when the
 * handshake step has set a response here, that response goes on the wire in its place, so a charger with a wrong
 * password sees 401 and one offering the wrong subprotocol sees 400.
 */
final class HandshakeResponseChannel implements WrappedByteChannel {

	private final ByteChannel delegate;
	private final long acceptedAtNanos = System.nanoTime();
	private volatile @Nullable ByteBuffer rejection;

	HandshakeResponseChannel(ByteChannel delegate) {
		this.delegate = delegate;
	}

	/** How long ago the listener accepted this connection. */
	long nanosSinceAccepted() {
		return System.nanoTime() - acceptedAtNanos;
	}

	void answerRefusalWith(ByteBuffer httpResponse) {
		this.rejection = httpResponse;
	}

	@Override
	public int write(ByteBuffer src) throws IOException {
		ByteBuffer replacement = rejection;
		if (replacement == null) {
			return delegate.write(src);
		}
		int consumed = src.remaining();
		delegate.write(replacement);
		if (!replacement.hasRemaining()) {
			rejection = null;
		}
		// The library's own refusal is swallowed whole; ours stands in its place.
		src.position(src.limit());
		return consumed;
	}

	@Override
	public int read(ByteBuffer dst) throws IOException {
		return delegate.read(dst);
	}

	@Override
	public boolean isOpen() {
		return delegate.isOpen();
	}

	@Override
	public void close() throws IOException {
		delegate.close();
	}

	@Override
	public boolean isNeedWrite() {
		return delegate instanceof WrappedByteChannel wrapped && wrapped.isNeedWrite();
	}

	@Override
	public void writeMore() throws IOException {
		if (delegate instanceof WrappedByteChannel wrapped) {
			wrapped.writeMore();
		}
	}

	@Override
	public boolean isNeedRead() {
		return delegate instanceof WrappedByteChannel wrapped && wrapped.isNeedRead();
	}

	@Override
	public int readMore(ByteBuffer dst) throws IOException {
		return delegate instanceof WrappedByteChannel wrapped ? wrapped.readMore(dst) : 0;
	}

	@Override
	public boolean isBlocking() {
		return delegate instanceof WrappedByteChannel wrapped && wrapped.isBlocking();
	}
}
