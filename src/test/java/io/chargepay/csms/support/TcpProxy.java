package io.chargepay.csms.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 between the application and its database, so a test can take the database away
 * ({@link #cut()}) and bring it back ({@link #restore()}) without touching the server itself.
 */
public final class TcpProxy implements AutoCloseable {

	private final String targetHost;
	private final int targetPort;
	private final int port;
	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
	private volatile ServerSocket listener;
	private volatile boolean cut;

	private TcpProxy(String targetHost, int targetPort, ServerSocket listener) {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.listener = listener;
		this.port = listener.getLocalPort();
	}

	public static TcpProxy start(String targetHost, int targetPort) {
		try {
			TcpProxy proxy = new TcpProxy(targetHost, targetPort, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
			proxy.acceptInBackground();
			return proxy;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public int port() {
		return port;
	}

	/** Drops every open connection and refuses new ones until {@link #restore()}. */
	public synchronized void cut() {
		cut = true;
		closeQuietly(listener);
		sockets.forEach(TcpProxy::closeQuietly);
		sockets.clear();
	}

	public synchronized void restore() {
		try {
			ServerSocket reopened = new ServerSocket();
			reopened.setReuseAddress(true);
			reopened.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			listener = reopened;
			cut = false;
			acceptInBackground();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void acceptInBackground() {
		ServerSocket accepting = listener;
		Thread thread = new Thread(() -> {
			while (!accepting.isClosed()) {
				try {
					Socket client = accepting.accept();
					Socket server = new Socket(targetHost, targetPort);
					sockets.add(client);
					sockets.add(server);
					pipe(client, server);
					pipe(server, client);
				}
				catch (IOException closed) {
					return;
				}
			}
		}, "tcp-proxy-accept");
		thread.setDaemon(true);
		thread.start();
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while (!cut && (read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException closed) {
				// one side went away: the other follows
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
			}
		}, "tcp-proxy-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() {
		cut();
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ignored) {
			// closing is best effort
		}
	}
}
