package io.chargepay.csms.session;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.chargepay.csms.charger.CommandResult;

/** Why a charger did not do what a remote start or stop asked of it. */
public enum ChargerRefusal {
	REJECTED, TIMEOUT, OFFLINE, CALL_ERROR;

	/** The refusal a non-accepting outcome stands for. */
	static ChargerRefusal of(CommandResult result) {
		if (result instanceof CommandResult.TimedOut) {
			return TIMEOUT;
		}
		if (result instanceof CommandResult.Offline) {
			return OFFLINE;
		}
		return result instanceof CommandResult.CallError ? CALL_ERROR : REJECTED;
	}

	/** True when the charger answered with status Accepted. */
	static boolean accepted(CommandResult result) {
		return result instanceof CommandResult.Answered answered && "Accepted".equals(answered.status());
	}

	String describe(String action, CommandResult result) {
		return action + " " + name().toLowerCase(Locale.ROOT).replace('_', ' ')
				+ (result instanceof CommandResult.CallError error ? ": " + error.errorCode() : "");
	}

	/** Waits for a command's outcome; the port's future always completes within the call timeout. */
	static CommandResult await(CompletableFuture<CommandResult> future) {
		try {
			return future.get();
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			return new CommandResult.TimedOut();
		}
		catch (ExecutionException failed) {
			throw new IllegalStateException("Charger command failed", failed.getCause());
		}
	}
}
