import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * The ceiling of the benchmark's connect profiles: an OCPP-J responder with no authentication, no database and no
 * logic, on the same WebSocket library as the CSMS. It accepts every upgrade that offers ocpp1.6 and answers every CALL
 * on the thread that decoded it with the smallest schema-valid CALLRESULT. Whatever latency the simulator measures
 * against it is the machine's and the simulator's own. Usage: java -cp LIBS BareResponder.java PORT
 */
public class BareResponder extends WebSocketServer {

	private static final Pattern CALL = Pattern.compile("^\\[\\s*2\\s*,\\s*\"([^\"]*)\"\\s*,\\s*\"([^\"]*)\"");
	private final AtomicInteger transactions = new AtomicInteger();

	BareResponder(int port) {
		super(new InetSocketAddress("127.0.0.1", port), List.of(new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6")))));
		setReuseAddr(true);
		setTcpNoDelay(true);
		setMaxPendingConnections(2048);
	}

	public static void main(String[] args) {
		BareResponder responder = new BareResponder(Integer.parseInt(args[0]));
		responder.start();
	}

	@Override
	public void onMessage(WebSocket socket, String message) {
		Matcher call = CALL.matcher(message);
		if (call.find()) {
			socket.send("[3,\"" + call.group(1) + "\"," + payload(call.group(2)) + "]");
		}
	}

	private String payload(String action) {
		String now = "\"" + Instant.now() + "\"";
		return switch (action) {
			case "BootNotification" -> "{\"status\":\"Accepted\",\"currentTime\":" + now + ",\"interval\":300}";
			case "Heartbeat" -> "{\"currentTime\":" + now + "}";
			case "Authorize" -> "{\"idTagInfo\":{\"status\":\"Accepted\"}}";
			case "StartTransaction" ->
				"{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":" + transactions.incrementAndGet() + "}";
			default -> "{}";
		};
	}

	@Override
	public void onOpen(WebSocket socket, ClientHandshake handshake) {
	}

	@Override
	public void onClose(WebSocket socket, int code, String reason, boolean remote) {
	}

	@Override
	public void onError(WebSocket socket, Exception failure) {
		if (socket == null) {
			failure.printStackTrace();
			System.exit(1);
		}
	}

	@Override
	public void onStart() {
		System.out.println("bare responder on " + getAddress());
	}
}
