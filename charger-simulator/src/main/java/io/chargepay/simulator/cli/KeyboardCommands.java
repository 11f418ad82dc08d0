package io.chargepay.simulator.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.chargepay.simulator.charger.ChargePoint;

/**
 * What a person at the charger can do, one line each: {@code tap TAG-USER-123}, {@code unplug 1}, ... Each command
 * waits (bounded) for its outcome, so the answer prints before the next prompt.
 */
public final class KeyboardCommands {

	static final String HELP = """
			commands:
			  tap TAG            RFID card: Authorize + StartTransaction, or stop the transaction started with TAG
			  plug N             cable into connector N (status Preparing)
			  unplug N           cable out of connector N; stops its transaction (EVDisconnected)
			  start N TAG        StartTransaction on connector N without Authorize
			  stop N [REASON]    StopTransaction on connector N (default reason Local)
			  meter N            one MeterValues sample for connector N now
			  heartbeat          one Heartbeat now
			  offline | online   drop the network (transaction messages queue) / reconnect and deliver them
			  reboot             stop transactions, reconnect, BootNotification again
			  status             connection, connectors, meters and transactions
			  quit               stop the simulator""";

	private final ChargePoint charger;
	private final PrintWriter out;
	private final long waitSeconds;

	public KeyboardCommands(ChargePoint charger, PrintWriter out, long waitSeconds) {
		this.charger = charger;
		this.out = out;
		this.waitSeconds = waitSeconds;
	}

	/** Reads lines until {@code quit} or the end of input; returns true when the person asked to quit. */
	public boolean readFrom(BufferedReader in) throws IOException {
		String line;
		while ((line = in.readLine()) != null) {
			if (!execute(line)) {
				return true;
			}
		}
		return false;
	}

	/** Runs one line; false means quit. */
	public boolean execute(String line) {
		String[] words = line.trim().split("\\s+");
		if (words[0].isEmpty()) {
			return true;
		}
		try {
			switch (words[0].toLowerCase()) {
				case "quit", "exit" -> {
					return false;
				}
				case "help", "?" -> out.println(HELP);
				case "tap" -> await(charger.tap(argument(words, 1, "tap needs an idTag")));
				case "plug" -> await(charger.plug(connector(words)));
				case "unplug" -> await(charger.unplug(connector(words)));
				case "start" -> await(charger.startTransaction(connector(words), argument(words, 2, "start N TAG")));
				case "stop" -> await(charger.stopTransaction(connector(words), words.length > 2 ? words[2] : "Local"));
				case "meter" -> await(charger.meterValues(connector(words)));
				case "heartbeat" -> await(charger.heartbeat());
				case "offline" -> await(charger.goOffline());
				case "online" -> await(charger.goOnline());
				case "reboot" -> await(charger.reboot());
				case "status" -> out.println(await(charger.describe()));
				default -> out.println("unknown command '" + words[0] + "'; type help");
			}
		}
		catch (IllegalArgumentException e) {
			out.println(e.getMessage());
		}
		return true;
	}

	private <T> T await(CompletableFuture<T> outcome) {
		try {
			return outcome.get(waitSeconds, TimeUnit.SECONDS);
		}
		catch (ExecutionException | CompletionException e) {
			out.println("failed: " + (e.getCause() == null ? e : e.getCause()).getMessage());
		}
		catch (TimeoutException e) {
			out.println("still waiting after " + waitSeconds + " s; carrying on");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	private static int connector(String[] words) {
		String value = argument(words, 1, words[0] + " needs a connector number");
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException("not a connector number: " + value);
		}
	}

	private static String argument(String[] words, int index, String usage) {
		if (words.length <= index) {
			throw new IllegalArgumentException(usage);
		}
		return words[index];
	}
}
