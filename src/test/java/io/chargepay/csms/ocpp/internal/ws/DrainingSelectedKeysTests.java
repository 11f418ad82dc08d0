package io.chargepay.csms.ocpp.internal.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

class DrainingSelectedKeysTests {

	@Test
	void aSelectedKeyIsHandedOutOnceEvenWhenTheLoopDoesNotRemoveIt() throws Exception {
		try (Selector selector = Selector.open(); Pipe.SinkChannel sink = Pipe.open().sink()) {
			DrainingSelectedKeys.replaceIn(selector);
			sink.configureBlocking(false);
			SelectionKey writable = sink.register(selector, SelectionKey.OP_WRITE);

			assertThat(selector.select(1000)).isEqualTo(1);
			assertThat(iterateWithoutRemoving(selector)).containsExactly(writable);
			// The JDK's own set would still hold the key here and the next round would walk it again.
			assertThat(selector.selectedKeys()).isEmpty();

			writable.interestOps(0);
			assertThat(selector.selectNow()).isZero();
			assertThat(iterateWithoutRemoving(selector)).isEmpty();
		}
	}

	@Test
	void aRoundLeftUnfinishedGoesOnWhereItStopped() throws Exception {
		try (Selector selector = Selector.open()) {
			DrainingSelectedKeys keys = new DrainingSelectedKeys();
			Pipe first = Pipe.open();
			Pipe second = Pipe.open();
			first.source().configureBlocking(false);
			second.source().configureBlocking(false);
			keys.add(first.source().register(selector, SelectionKey.OP_READ));
			keys.add(second.source().register(selector, SelectionKey.OP_READ));

			Iterator<SelectionKey> abandoned = keys.iterator();
			SelectionKey handled = abandoned.next();

			List<SelectionKey> rest = new ArrayList<>();
			keys.iterator().forEachRemaining(rest::add);
			assertThat(rest).hasSize(1).doesNotContain(handled);
			assertThat(keys).isEmpty();
		}
	}

	@Test
	void neverReportsAKeyAsAlreadySelectedSoTheJdkSetsFreshReadyOperations() throws Exception {
		try (Selector selector = Selector.open()) {
			Pipe pipe = Pipe.open();
			pipe.source().configureBlocking(false);
			pipe.sink().write(ByteBuffer.wrap(new byte[] { 1 }));
			DrainingSelectedKeys keys = new DrainingSelectedKeys();
			SelectionKey key = pipe.source().register(selector, SelectionKey.OP_READ);
			keys.add(key);

			assertThat(keys.contains(key)).isFalse();
			assertThat(keys.remove(key)).isFalse();
			assertThat(keys).hasSize(1);
		}
	}

	private static List<SelectionKey> iterateWithoutRemoving(Selector selector) {
		List<SelectionKey> seen = new ArrayList<>();
		for (SelectionKey key : selector.selectedKeys()) {
			seen.add(key);
		}
		return seen;
	}
}
