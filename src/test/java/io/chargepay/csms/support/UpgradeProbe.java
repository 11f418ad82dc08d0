package io.chargepay.csms.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
			return upgrade(socket, port, path, subprotocols, authorization);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A plain socket to the loopback listener from {@code source} (any 127.x.y.z is this host on Linux). */
	public static Socket connectFrom(String source, int port) {
		try {
			Socket socket = new Socket();
			socket.bind(new InetSocketAddress(source, 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
			socket.setSoTimeout(10_000);
			return socket;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Sends the upgrade on {@code socket} and reads the response head; the socket stays open (a 101 stays upgraded). */
	public static Response upgrade(Socket socket, int port, String path, String subprotocols, String authorization) {
		return upgrade(socket, port, path, subprotocols, authorization, new byte[0]);
	}

	/**
	 * The same with {@code trailing} bytes (WebSocket frames, say) sent in the same write right behind the request, as
	 * a client that does not wait for the 101 does.
	 */
	public static Response upgrade(Socket socket, int port, String path, String subprotocols, String authorization,
			byte[] trailing) {
		try {
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
			java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
			bytes.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			bytes.write(trailing);
			OutputStream out = socket.getOutputStream();
			out.write(bytes.toByteArray());
			out.flush();
			return readResponseHead(socket.getInputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A client's text frame (masked, as RFC 6455 §5.3 requires of clients) of fewer than 126 bytes. */
	public static byte[] clientTextFrame(String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		if (payload.length > 125) {
			throw new IllegalArgumentException("only short frames: " + payload.length + " bytes");
		}
		byte[] mask = { 1, 2, 3, 4 };
		byte[] frame = new byte[6 + payload.length];
		frame[0] = (byte) 0x81;
		frame[1] = (byte) (0x80 | payload.length);
		System.arraycopy(mask, 0, frame, 2, 4);
		for (int i = 0; i < payload.length; i++) {
			frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
		}
		return frame;
	}

	/** Reads one unmasked text frame from the server (a payload under 64 KiB). */
	public static String readServerTextFrame(InputStream in) throws IOException {
		int opcode = in.read();
		int length = in.read() & 0x7f;
		if (length == 126) {
			length = (in.read() << 8) | in.read();
		}
		if (opcode != 0x81 || length > 0xffff) {
			throw new IllegalStateException("not a short text frame: opcode " + opcode + ", length " + length);
		}
		return new String(in.readNBytes(length), StandardCharsets.UTF_8);
	}

	/** Reads byte by byte, so nothing after the head (a WebSocket frame) is consumed. */
	private static Response readResponseHead(InputStream in) throws IOException {
		String statusLine = readLine(in);
		if (statusLine == null) {
			throw new IllegalStateException("Connection closed without a response");
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
		}
		return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers);
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int next = in.read(); next != '\n'; next = in.read()) {
			if (next == -1) {
				return line.isEmpty() ? null : line.toString();
			}
			if (next != '\r') {
				line.append((char) next);
			}
		}
		return line.toString();
	}
}
