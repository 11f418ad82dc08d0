package io.chargepay.csms.ocpp.internal.ws;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.concurrent.atomic.AtomicBoolean;

import org.java_websocket.WrappedByteChannel;
import org.jspecify.annotations.Nullable;

/**
 * The connection's byte channel, able to answer a refused upgrade with our own HTTP status. Java-WebSocket 1.6.0 writes a
 * hard-coded 404 for every refused handshake ({@code WebSocketImpl.closeConnectionDueToWrongHandshake}); when the
 * handshake step has set a response here, that response goes on the wire in its place, so a charger with a wrong
 * password sees 401 and one offering the wrong subprotocol sees 400.
 * <p>
 * It also watches the upgrade request arrive: complete at its blank line, refused (the connection closed) past
 * {@code maxRequestBytes}, since the library would buffer headers without end.
 */
final class HandshakeResponseChannel implements WrappedByteChannel {

	private static final byte[] END_OF_HEADERS = { '\r', '\n', '\r', '\n' };

	private final ByteChannel delegate;
	private final int maxRequestBytes;
	private final Runnable onClose;
	private final AtomicBoolean closed = new AtomicBoolean();
	private final long acceptedAtNanos = System.nanoTime();
	private volatile @Nullable ByteBuffer rejection;
	private volatile boolean requestComplete;
	// Read on the selector thread only.
	private int requestBytes;
	private int endOfHeadersMatched;

	HandshakeResponseChannel(ByteChannel delegate, int maxRequestBytes, Runnable onClose) {
		this.delegate = delegate;
		this.maxRequestBytes = maxRequestBytes;
		this.onClose = onClose;
	}

	/** Whether the upgrade request has been received up to its blank line. */
	boolean requestComplete() {
		return requestComplete;
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
		int start = dst.position();
		int read = delegate.read(dst);
		watchRequest(dst, start, read);
		return read;
	}

	private void watchRequest(ByteBuffer dst, int start, int read) throws IOException {
		if (requestComplete || read <= 0) {
			return;
		}
		for (int i = start; i < start + read; i++) {
			byte next = dst.get(i);
			if (next == END_OF_HEADERS[endOfHeadersMatched]) {
				endOfHeadersMatched++;
			}
			else {
				endOfHeadersMatched = next == '\r' ? 1 : 0;
			}
			if (endOfHeadersMatched == END_OF_HEADERS.length) {
				requestComplete = true;
				return;
			}
			if (++requestBytes > maxRequestBytes) {
				throw new IOException("Upgrade request longer than " + maxRequestBytes + " bytes");
			}
		}
	}

	@Override
	public boolean isOpen() {
		return delegate.isOpen();
	}

	@Override
	public void close() throws IOException {
		try {
			delegate.close();
		}
		finally {
			if (closed.compareAndSet(false, true)) {
				onClose.run();
			}
		}
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
		if (!(delegate instanceof WrappedByteChannel wrapped)) {
			return 0;
		}
		int start = dst.position();
		int read = wrapped.readMore(dst);
		watchRequest(dst, start, read);
		return read;
	}

	@Override
	public boolean isBlocking() {
		return delegate instanceof WrappedByteChannel wrapped && wrapped.isBlocking();
	}
}
