package io.chargepay.csms.balance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

import io.chargepay.csms.support.Anvil;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The nodes behind the chains the EVM balance tests configure, started once per test JVM and stopped when it exits:
 * <ul>
 * <li>{@code TESTCHAIN}: anvil with the test token (TUSD) and a fresh price feed;</li>
 * <li>{@code STALECHAIN}: the same node, priced by a second feed that a test makes stale;</li>
 * <li>{@code DOWNCHAIN}: a second anvil that a test stops;</li>
 * <li>{@code SILENTCHAIN}: a socket that accepts connections and never answers, so calls time out;</li>
 * <li>{@code GARBLEDCHAIN}: an HTTP server that answers every call with a result that is not a quantity;</li>
 * <li>{@code NOFEEDCHAIN}: the first node again, with a price-feed address where no contract lives;</li>
 * <li>{@code RECORDEDCHAIN}: {@code TESTCHAIN}'s node and configuration behind a proxy that records each request;</li>
 * <li>{@code NOBATCHCHAIN}: the same behind a proxy that refuses JSON-RPC batches, as some providers do.</li>
 * </ul>
 */
final class EvmTestNodes {

	static final String CHAIN = "TESTCHAIN";
	static final String STALE_CHAIN = "STALECHAIN";
	static final String DOWN_CHAIN = "DOWNCHAIN";
	static final String SILENT_CHAIN = "SILENTCHAIN";
	static final String GARBLED_CHAIN = "GARBLEDCHAIN";
	static final String NO_FEED_CHAIN = "NOFEEDCHAIN";
	static final String SLOW_CHAIN = "SLOWCHAIN";
	static final String RECORDED_CHAIN = "RECORDEDCHAIN";
	static final String NO_BATCH_CHAIN = "NOBATCHCHAIN";
	/**
	 * Each call of the slow node: within the 2 s RPC timeout, but a check's three round trips (the head, one batch,
	 * a gas estimate) together pass the 3 s deadline.
	 */
	static final Duration SLOW_CALL = Duration.ofMillis(1200);

	private static EvmTestNodes instance;

	final Anvil node;
	final Anvil downNode;
	final TestChain chain;
	final ServerSocket silent;
	final HttpServer garbled;
	final ProxyNode slow;
	final RecordingNode recorded;
	final RecordingNode noBatch;

	private EvmTestNodes() {
		this.node = Anvil.start();
		try {
			this.downNode = Anvil.start();
		}
		catch (RuntimeException e) {
			node.close();
			throw e;
		}
		try {
			this.chain = new TestChain(node);
			// Never accepted: the kernel completes the handshake, nobody ever answers the request.
			this.silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			this.garbled = garbledNode();
			this.slow = slowNode(node.rpcUrl());
			this.recorded = new RecordingNode(node.rpcUrl(), false);
			this.noBatch = new RecordingNode(node.rpcUrl(), true);
		}
		catch (IOException | RuntimeException e) {
			node.close();
			downNode.close();
			throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
		}
	}

	static synchronized EvmTestNodes get() {
		if (instance == null) {
			instance = new EvmTestNodes();
			Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "stop-test-nodes"));
		}
		return instance;
	}

	static void register(DynamicPropertyRegistry registry) {
		EvmTestNodes nodes = get();
		registry.add("csms.balance.rpc-timeout", () -> "2s");
		chain(registry, CHAIN, nodes.node.rpcUrl());
		registry.add("csms.chains." + CHAIN + ".price-feed", () -> nodes.chain.feed);
		registry.add("csms.chains." + CHAIN + ".payee", () -> nodes.chain.payee);
		registry.add("csms.chains." + CHAIN + ".tokens.TUSD.address", () -> nodes.chain.token);
		registry.add("csms.chains." + CHAIN + ".tokens.TUSD.decimals", () -> TestChain.TOKEN_DECIMALS);
		chain(registry, STALE_CHAIN, nodes.node.rpcUrl());
		registry.add("csms.chains." + STALE_CHAIN + ".price-feed", () -> nodes.chain.staleableFeed);
		chain(registry, DOWN_CHAIN, nodes.downNode.rpcUrl());
		registry.add("csms.chains." + DOWN_CHAIN + ".fiat-price", () -> TestChain.ETH_PRICE);
		chain(registry, SILENT_CHAIN, "http://127.0.0.1:" + nodes.silent.getLocalPort());
		registry.add("csms.chains." + SILENT_CHAIN + ".fiat-price", () -> TestChain.ETH_PRICE);
		chain(registry, GARBLED_CHAIN, "http://127.0.0.1:" + nodes.garbled.getAddress().getPort());
		registry.add("csms.chains." + GARBLED_CHAIN + ".fiat-price", () -> TestChain.ETH_PRICE);
		chain(registry, NO_FEED_CHAIN, nodes.node.rpcUrl());
		registry.add("csms.chains." + NO_FEED_CHAIN + ".price-feed", () -> nodes.chain.payee);
		chain(registry, SLOW_CHAIN, nodes.slow.url());
		registry.add("csms.chains." + SLOW_CHAIN + ".fiat-price", () -> TestChain.ETH_PRICE);
		for (String name : new String[] { RECORDED_CHAIN, NO_BATCH_CHAIN }) {
			chain(registry, name, (name.equals(RECORDED_CHAIN) ? nodes.recorded : nodes.noBatch).url());
			registry.add("csms.chains." + name + ".price-feed", () -> nodes.chain.feed);
			registry.add("csms.chains." + name + ".payee", () -> nodes.chain.payee);
			registry.add("csms.chains." + name + ".tokens.TUSD.address", () -> nodes.chain.token);
			registry.add("csms.chains." + name + ".tokens.TUSD.decimals", () -> TestChain.TOKEN_DECIMALS);
		}
	}

	private static void chain(DynamicPropertyRegistry registry, String name, String rpcUrl) {
		registry.add("csms.chains." + name + ".rpc-url", () -> rpcUrl);
		registry.add("csms.chains." + name + ".chain-id", () -> Anvil.CHAIN_ID);
		registry.add("csms.chains." + name + ".native-symbol", () -> "ETH");
	}

	private static HttpServer garbledNode() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		byte[] answer = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"not a quantity\"}".getBytes(StandardCharsets.UTF_8);
		server.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});
		server.start();
		return server;
	}

	/** Anvil behind a node that answers every call {@link #SLOW_CALL} late. */
	private static ProxyNode slowNode(String anvilUrl) {
		return ProxyNode.start(anvilUrl, Executors.newFixedThreadPool(4), (body, anvil) -> {
			Thread.sleep(SLOW_CALL.toMillis());
			return anvil.answer(body);
		});
	}

	private void stop() {
		node.close();
		downNode.close();
		garbled.stop(0);
		slow.close();
		recorded.node.close();
		noBatch.node.close();
		try {
			silent.close();
		}
		catch (IOException ignored) {
			// the JVM is exiting
		}
	}

	/**
	 * Anvil behind a proxy that records the body of every request it forwards; one that refuses batches answers a
	 * JSON-RPC batch (a JSON array) with a single error object instead, as providers without batch support do.
	 */
	static final class RecordingNode {

		final ProxyNode node;
		final List<String> requests = new CopyOnWriteArrayList<>();
		private static final byte[] NO_BATCHES = """
				{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch requests are not supported"}}"""
				.getBytes(StandardCharsets.UTF_8);

		RecordingNode(String anvilUrl, boolean refuseBatches) {
			node = ProxyNode.start(anvilUrl, Executors.newFixedThreadPool(4), (body, anvil) -> {
				requests.add(body);
				return refuseBatches && body.stripLeading().startsWith("[") ? NO_BATCHES : anvil.answer(body);
			});
		}

		String url() {
			return node.url();
		}
	}
}
