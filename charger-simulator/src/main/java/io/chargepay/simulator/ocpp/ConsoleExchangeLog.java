package io.chargepay.simulator.ocpp;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import io.chargepay.simulator.ocpp.OcppMessage.Call;
import io.chargepay.simulator.ocpp.OcppMessage.CallError;
import io.chargepay.simulator.ocpp.OcppMessage.CallResult;

/**
 * One readable line per OCPP message: {@code → StartTransaction {...}} when we send, {@code ← CALLRESULT {...} 12 ms}
 * when the answer comes back. Arrows point the way the message travels, seen from the charger.
 */
public final class ConsoleExchangeLog implements ExchangeObserver {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	private final PrintWriter out;
	private final Clock clock;
	private final boolean showChargerId;

	public ConsoleExchangeLog(PrintWriter out, Clock clock, boolean showChargerId) {
		this.out = out;
		this.clock = clock;
		this.showChargerId = showChargerId;
	}

	@Override
	public void connected(String chargerId, long handshakeNanos) {
		line(chargerId, "connected (" + millis(handshakeNanos) + " ms)");
	}

	@Override
	public void connectFailed(String chargerId, String reason) {
		line(chargerId, "connection failed: " + reason);
	}

	@Override
	public void disconnected(String chargerId, String reason) {
		line(chargerId, "disconnected: " + reason);
	}

	@Override
	public void callSent(String chargerId, Call call) {
		line(chargerId, "→ " + call.action() + " " + Json.write(call.payload()));
	}

	@Override
	public void callAnswered(String chargerId, Call call, OcppMessage answer, long latencyNanos) {
		line(chargerId, "← " + describe(answer) + " " + millis(latencyNanos) + " ms  (" + call.action() + ")");
	}

	@Override
	public void callFailed(String chargerId, String action, Throwable cause, long latencyNanos) {
		line(chargerId, "✗ " + action + ": " + cause.getMessage());
	}

	@Override
	public void commandReceived(String chargerId, Call call) {
		line(chargerId, "← " + call.action() + " " + Json.write(call.payload()));
	}

	@Override
	public void commandAnswered(String chargerId, Call call, OcppMessage answer) {
		line(chargerId, "→ " + describe(answer) + "  (" + call.action() + ")");
	}

	@Override
	public void note(String chargerId, String text) {
		line(chargerId, "· " + text);
	}

	private static String describe(OcppMessage answer) {
		if (answer instanceof CallResult result) {
			return "CALLRESULT " + Json.write(result.payload());
		}
		if (answer instanceof CallError error) {
			return "CALLERROR " + error.errorCode() + " \"" + error.errorDescription() + "\"";
		}
		return answer.toString();
	}

	private static long millis(long nanos) {
		return TimeUnit.NANOSECONDS.toMillis(nanos);
	}

	private void line(String chargerId, String text) {
		String time = LocalTime.now(clock).format(TIME);
		out.println(showChargerId ? time + " " + chargerId + " " + text : time + " " + text);
	}
}
