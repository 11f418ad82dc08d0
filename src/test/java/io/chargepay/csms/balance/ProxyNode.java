package io.chargepay.csms.balance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

import com.sun.net.httpserver.HttpServer;

/**
 * An RPC node of the test's own in front of anvil, on 127.0.0.1: each request's body goes to {@link Answer}, which
 * decides what to answer, usually after forwarding it to anvil (slowly, recorded, held, or not at all).
 */
final class ProxyNode implements AutoCloseable {

	@FunctionalInterface
	interface Answer {
		byte[] to(String body, Forward anvil) throws IOException, InterruptedException;
	}

	@FunctionalInterface
	interface Forward {
		byte[] answer(String body) throws IOException, InterruptedException;
	}

	private final HttpServer server;

	private ProxyNode(HttpServer server) {
		this.server = server;
	}

	/** Serves requests on {@code threads}: its size bounds how many calls the node handles at once. */
	static ProxyNode start(String anvilUrl, Executor threads, Answer answer) {
		HttpServer server;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		HttpClient client = HttpClient.newHttpClient();
		Forward anvil = body -> client.send(HttpRequest.newBuilder(URI.create(anvilUrl))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofByteArray()).body();
		server.setExecutor(threads);
		server.createContext("/", exchange -> {
			try {
				byte[] answered = answer.to(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
						anvil);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answered.length);
				exchange.getResponseBody().write(answered);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
			finally {
				exchange.close();
			}
		});
		server.start();
		return new ProxyNode(server);
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
