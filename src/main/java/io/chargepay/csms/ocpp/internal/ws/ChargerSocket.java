package io.chargepay.csms.ocpp.internal.ws;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.ReadyState;
import org.jspecify.annotations.Nullable;

/**
 * A connection whose upgrade is decided on the {@link Admissions} pool instead of the decoder it was given: until the
 * upgrade has been answered, what the decoder reads is copied and decoded there, in arrival order (a client may send
 * frames right behind its request); afterwards frames are decoded where they were read, as before. A decoder then
 * never waits for a key check, and the connections it serves keep their latency through a connect storm.
 */
final class ChargerSocket extends WebSocketImpl {

	private final Admissions admissions;
	private final Object order = new Object();
	/**
	 * The last decode handed to the pool and not yet finished; null once the upgrade's bytes are all decoded. Only this
	 * connection's decoder sets it, so once it reads null on an open connection nothing is pending: every later frame
	 * is decoded without taking the lock.
	 */
	private volatile @Nullable CompletableFuture<Void> upgrading;
	private volatile boolean admissionFull;

	ChargerSocket(WebSocketListener listener, List<Draft> drafts, Admissions admissions) {
		super(listener, drafts);
		this.admissions = admissions;
	}

	@Override
	public void decode(ByteBuffer bytes) {
		if (!handedToAdmission(bytes)) {
			super.decode(bytes);
		}
	}

	/** Whether the upgrade was read while every admission thread was busy and its queue full: it is refused (503). */
	boolean admissionFull() {
		return admissionFull;
	}

	/** Whether {@code bytes} went to the pool (copied: the decoder recycles its buffer) rather than to be decoded now. */
	private boolean handedToAdmission(ByteBuffer bytes) {
		if (upgrading == null && getReadyState() != ReadyState.NOT_YET_CONNECTED) {
			return false;
		}
		synchronized (order) {
			CompletableFuture<Void> previous = upgrading;
			if (previous == null && getReadyState() != ReadyState.NOT_YET_CONNECTED) {
				return false;
			}
			ByteBuffer copy = ByteBuffer.allocate(bytes.remaining()).put(bytes).flip();
			CompletableFuture<Void> next;
			if (previous == null) {
				try {
					next = admissions.submit(() -> decodeOnPool(copy));
				}
				catch (RejectedExecutionException full) {
					// Decoded here: the handshake step sees the flag and refuses without checking the key.
					admissionFull = true;
					super.decode(copy);
					return true;
				}
			}
			else {
				next = previous.thenRun(() -> decodeOnPool(copy));
			}
			upgrading = next;
			next.whenComplete((ignored, failure) -> {
				synchronized (order) {
					if (upgrading == next) {
						upgrading = null;
					}
				}
			});
			return true;
		}
	}

	/** What the listener's decoder does with a failure in decoding: report it and close. */
	private void decodeOnPool(ByteBuffer bytes) {
		try {
			super.decode(bytes);
		}
		catch (RuntimeException failure) {
			getWebSocketListener().onWebsocketError(this, failure);
			close();
			throw failure;
		}
	}
}
