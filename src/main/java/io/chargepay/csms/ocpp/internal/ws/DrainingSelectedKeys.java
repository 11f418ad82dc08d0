package io.chargepay.csms.ocpp.internal.ws;

import java.lang.reflect.Field;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selector's selected-key set, replaced so that iterating it removes each key. Java-WebSocket 1.6.0's selector loop
 * removes a key only after a read that returned data; a key that was only writable stays in the JDK's set, so every
 * later round walked every such connection again (an {@code isWritable} check and a locked peek at its empty out
 * queue), and the JDK's {@code HashSet} never shrinks after a burst. With 10,000 chargers that made the one selector
 * thread a third of the CSMS's CPU (BENCHMARKS.md). Here each selected key is handed out once, in the round it was
 * selected in, as NIO intends; {@code remove} is a no-op. The JDK's {@code selectedKeys} fields are private to
 * {@code java.base}, so this needs {@code --add-opens java.base/sun.nio.ch=ALL-UNNAMED} (in the jar's manifest, the
 * Dockerfile and the tests); without it the listener keeps the JDK's set and says so once.
 */
final class DrainingSelectedKeys extends AbstractSet<SelectionKey> {

	private static final Logger log = LoggerFactory.getLogger(DrainingSelectedKeys.class);

	private SelectionKey[] keys = new SelectionKey[256];
	private int head;
	private int size;

	/** Puts a draining set into the server's selector; false, with a log line, if the JDK does not allow it. */
	static boolean install(WebSocketServer server) {
		try {
			Field selectorField = WebSocketServer.class.getDeclaredField("selector");
			selectorField.setAccessible(true);
			replaceIn((Selector) selectorField.get(server));
			return true;
		}
		catch (ReflectiveOperationException | RuntimeException notAllowed) {
			log.info("OCPP listener keeps the JDK's selected-key set ({}); start the JVM with "
					+ "--add-opens java.base/sun.nio.ch=ALL-UNNAMED for the faster one", notAllowed.toString());
			return false;
		}
	}

	static void replaceIn(Selector selector) throws ReflectiveOperationException {
		Class<?> selectorImpl = Class.forName("sun.nio.ch.SelectorImpl");
		Field selectedKeys = selectorImpl.getDeclaredField("selectedKeys");
		Field publicSelectedKeys = selectorImpl.getDeclaredField("publicSelectedKeys");
		selectedKeys.setAccessible(true);
		publicSelectedKeys.setAccessible(true);
		DrainingSelectedKeys draining = new DrainingSelectedKeys();
		selectedKeys.set(selector, draining);
		publicSelectedKeys.set(selector, draining);
	}

	@Override
	public boolean add(SelectionKey key) {
		if (key == null) {
			return false;
		}
		if (size == keys.length) {
			keys = Arrays.copyOf(keys, size * 2);
		}
		keys[size++] = key;
		return true;
	}

	/** Never: the JDK then sets a key's ready operations instead of adding to stale ones, as for a new selection. */
	@Override
	public boolean contains(Object key) {
		return false;
	}

	/** Keys leave by being iterated; a cancelled key still listed is skipped by the loop as invalid. */
	@Override
	public boolean remove(Object key) {
		return false;
	}

	@Override
	public int size() {
		return size - head;
	}

	@Override
	public Iterator<SelectionKey> iterator() {
		return new Iterator<>() {
			@Override
			public boolean hasNext() {
				if (head < size) {
					return true;
				}
				head = 0;
				size = 0;
				return false;
			}

			@Override
			public SelectionKey next() {
				if (head >= size) {
					throw new NoSuchElementException();
				}
				SelectionKey key = keys[head];
				keys[head++] = null;
				return key;
			}

			@Override
			public void remove() {
				// Already out of the set.
			}
		};
	}
}
