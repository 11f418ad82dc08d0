package io.chargepay.csms.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API over real HTTP, as a client sees it. */
public final class Api {

	public record Response(int status, String contentType, String wwwAuthenticate, String location, JsonNode body,
			String text) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	public Api(int port) {
		this.port = port;
	}

	public Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	public Response delete(String path, String token) {
		return send(request(path, token).DELETE());
	}

	public Response post(String path, String token, Object body) {
		return send(request(path, token).POST(json(body)).header("Content-Type", "application/json"));
	}

	public Response put(String path, String token, Object body) {
		return send(request(path, token).PUT(json(body)).header("Content-Type", "application/json"));
	}

	/** A body sent exactly as given, e.g. malformed JSON. */
	public Response postRaw(String path, String token, String body) {
		return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(body))
				.header("Content-Type", "application/json"));
	}

	public Response send(String method, String path, String token, Object body) {
		return send(request(path, token).method(method, body == null ? HttpRequest.BodyPublishers.noBody() : json(body))
				.header("Content-Type", "application/json"));
	}

	public HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(30));
		return token == null ? builder : builder.header("Authorization", "Bearer " + token);
	}

	public Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String text = response.body();
			JsonNode body = text == null || text.isBlank() ? JSON.missingNode() : parse(text);
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("WWW-Authenticate").orElse(""),
					response.headers().firstValue("Location").orElse(""), body, text);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static JsonNode parse(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (RuntimeException notJson) {
			return JSON.missingNode();
		}
	}

	private static HttpRequest.BodyPublisher json(Object body) {
		return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
	}
}
