package io.chargepay.simulator.charger.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.chargepay.simulator.ocpp.Json;
import io.chargepay.simulator.ocpp.OcppMessage;
import io.chargepay.simulator.ocpp.OcppMessage.Call;
import io.chargepay.simulator.ocpp.OcppMessage.CallError;
import io.chargepay.simulator.ocpp.OcppMessage.CallResult;

/** Routes the CSMS's CALLs to their handlers by action name and turns the outcome into the reply frame. */
public final class CommandDispatcher {

	/** OCPP 1.6 commands we recognise but do not simulate: NotSupported, where an unknown action gets NotImplemented. */
	private static final Set<String> RECOGNISED = Set.of("CancelReservation", "ClearChargingProfile",
			"GetCompositeSchedule", "GetDiagnostics", "GetLocalListVersion", "ReserveNow", "SendLocalList",
			"SetChargingProfile", "UpdateFirmware", "ExtendedTriggerMessage", "CertificateSigned",
			"DeleteCertificate", "GetInstalledCertificateIds", "GetLog", "InstallCertificate", "SignedUpdateFirmware");

	/** The reply frame and what the charger does once it is sent. */
	public record Reply(OcppMessage frame, Runnable afterAnswer) {
	}

	private final Map<String, CommandHandler> handlers;

	public CommandDispatcher(List<CommandHandler> handlers) {
		this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(CommandHandler::action, Function.identity()));
	}

	/** Every Core command plus TriggerMessage. */
	public static CommandDispatcher standard() {
		return new CommandDispatcher(List.of(new RemoteStartTransactionHandler(), new RemoteStopTransactionHandler(),
				new ResetHandler(), new ChangeConfigurationHandler(), new GetConfigurationHandler(),
				new ChangeAvailabilityHandler(), new UnlockConnectorHandler(), new ClearCacheHandler(),
				new TriggerMessageHandler(), new DataTransferHandler()));
	}

	public Reply dispatch(Call call, CommandTarget target) {
		CommandHandler handler = handlers.get(call.action());
		if (handler == null) {
			String code = RECOGNISED.contains(call.action()) ? "NotSupported" : "NotImplemented";
			return error(call, code, call.action() + " is not simulated");
		}
		try {
			CommandOutcome outcome = handler.handle(call.payload(), target);
			return new Reply(new CallResult(call.messageId(), Json.tree(outcome.confirmation())), outcome.afterAnswer());
		}
		catch (PayloadException e) {
			return error(call, e.errorCode(), e.getMessage());
		}
		catch (RuntimeException e) {
			return error(call, "InternalError", String.valueOf(e.getMessage()));
		}
	}

	private static Reply error(Call call, String code, String description) {
		return new Reply(new CallError(call.messageId(), code, description, Json.object()), () -> {
		});
	}
}
