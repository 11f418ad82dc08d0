package io.chargepay.csms.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Sends a WebSocket upgrade request by hand and reads the HTTP response head, to see exactly what status we answer. */
public final class UpgradeProbe {

	public record Response(int status, Map<String, String> headers) {
		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	private UpgradeProbe() {
	}

	public static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** {@code subprotocols} and {@code authorization} are left out of the request when null. */
	public static Response upgrade(int port, String path, String subprotocols, String authorization) {
		return upgrade(javax.net.SocketFactory.getDefault(), port, path, subprotocols, authorization);
	}

	/** The same over any socket factory, TLS included. */
	public static Response upgrade(javax.net.SocketFactory sockets, int port, String path, String subprotocols,
			String authorization) {
		try (Socket socket = sockets.createSocket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder()
					.append("GET ").append(path).append(" HTTP/1.1\r\n")
					.append("Host: 127.0.0.1:").append(port).append("\r\n")
					.append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
					.append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
			if (subprotocols != null) {
				request.append("Sec-WebSocket-Protocol: ").append(subprotocols).append("\r\n");
			}
			if (authorization != null) {
				request.append("Authorization: ").append(authorization).append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			String statusLine = in.readLine();
			if (statusLine == null) {
				throw new IllegalStateException("Connection closed without a response");
			}
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
