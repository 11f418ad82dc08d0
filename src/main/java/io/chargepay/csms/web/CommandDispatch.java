package io.chargepay.csms.web;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.chargepay.csms.charger.ChargerCommand;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.charger.CommandResult;
import io.chargepay.csms.ocpp.OcppProperties;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Sends a command and waits for its outcome, turning every outcome but an answer into its problem. */
@Component
class CommandDispatch {

	record CommandResponse(String chargerId, String action, Map<String, Object> response) {
	}

	private final ChargerService chargers;
	private final ChargerCommands commands;
	private final OcppProperties ocpp;

	CommandDispatch(ChargerService chargers, ChargerCommands commands, OcppProperties ocpp) {
		this.chargers = chargers;
		this.commands = commands;
		this.ocpp = ocpp;
	}

	CommandResponse send(String chargerId, ChargerCommand command) {
		if (!chargers.exists(chargerId)) {
			throw new NotFoundException("Charger " + chargerId + " is not registered");
		}
		CommandResult result = await(commands.send(chargerId, command));
		if (result instanceof CommandResult.Answered answered) {
			return new CommandResponse(chargerId, command.action(), answered.payload());
		}
		throw new ApiProblemException(problemFor(chargerId, command, result));
	}

	private static ProblemDetail problemFor(String chargerId, ChargerCommand command, CommandResult result) {
		if (result instanceof CommandResult.CallError error) {
			ProblemDetail problem = ProblemType.CHARGER_CALL_ERROR.problem(
					chargerId + " answered " + command.action() + " with " + error.errorCode());
			problem.setProperty("errorCode", error.errorCode());
			problem.setProperty("errorDescription", error.errorDescription());
			return problem;
		}
		if (result instanceof CommandResult.TimedOut) {
			return ProblemType.CHARGER_TIMEOUT.problem(chargerId + " did not answer " + command.action() + " in time");
		}
		return ProblemType.CHARGER_OFFLINE.problem(chargerId + " is not connected");
	}

	/** The future always ends within the call timeout; the margin only guards against a lost completion. */
	private CommandResult await(java.util.concurrent.CompletableFuture<CommandResult> future) {
		try {
			return future.get(ocpp.callTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			return new CommandResult.TimedOut();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new CommandResult.TimedOut();
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("Command future failed", e.getCause());
		}
	}
}
