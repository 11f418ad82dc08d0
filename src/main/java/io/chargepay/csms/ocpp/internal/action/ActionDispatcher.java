package io.chargepay.csms.ocpp.internal.action;

import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.chargepay.csms.ocpp.internal.rpc.ErrorCode;
import io.chargepay.csms.ocpp.internal.rpc.Frame;
import io.chargepay.csms.ocpp.internal.rpc.FrameCodec;
import io.chargepay.csms.ocpp.internal.rpc.OcppError;
import io.chargepay.csms.ocpp.internal.rpc.PayloadSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;

/** Routes a charger's CALL to its handler and turns the outcome into the CALLRESULT or CALLERROR to send back. */
@Component
public class ActionDispatcher {

	/** Every action OCPP 1.6 (with the security whitepaper) defines: one of these we lack is NotSupported, not NotImplemented. */
	static final Set<String> OCPP16_ACTIONS = Set.of("Authorize", "BootNotification", "CancelReservation",
			"CertificateSigned", "ChangeAvailability", "ChangeConfiguration", "ClearCache", "ClearChargingProfile",
			"DataTransfer", "DeleteCertificate", "DiagnosticsStatusNotification", "ExtendedTriggerMessage",
			"FirmwareStatusNotification", "GetCompositeSchedule", "GetConfiguration", "GetDiagnostics",
			"GetInstalledCertificateIds", "GetLocalListVersion", "GetLog", "Heartbeat", "InstallCertificate",
			"LogStatusNotification", "MeterValues", "RemoteStartTransaction", "RemoteStopTransaction", "ReserveNow",
			"Reset", "SecurityEventNotification", "SendLocalList", "SetChargingProfile", "SignCertificate",
			"SignedFirmwareStatusNotification", "SignedUpdateFirmware", "StartTransaction", "StatusNotification",
			"StopTransaction", "TriggerMessage", "UnlockConnector", "UpdateFirmware");

	private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);

	private final Map<String, ActionHandler<?>> handlers;
	private final PayloadSchemas schemas;
	private final FrameCodec codec;

	ActionDispatcher(List<ActionHandler<?>> handlers, FrameCodec codec) {
		this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(ActionHandler::action, Function.identity()));
		this.schemas = new PayloadSchemas(this.handlers.keySet());
		this.codec = codec;
	}

	/** The text frame that answers a CALL, and how it went: {@code result} or the CALLERROR code. */
	public record Reply(String frame, String outcome) {
	}

	/**
	 * The answer, complete at once for most actions; for a handler that returns a {@link CompletionStage}, once that
	 * completes (MeterValues and StatusNotification: once their group commit has committed).
	 */
	public CompletableFuture<Reply> dispatch(String chargerId, Frame.Call call) {
		try {
			Object payload = handle(chargerId, call);
			if (payload instanceof CompletionStage<?> pending) {
				return pending.toCompletableFuture().handle((finished, failure) -> failure == null
						? result(call, finished)
						: failed(chargerId, call, failure instanceof CompletionException wrapped
								&& wrapped.getCause() != null ? wrapped.getCause() : failure));
			}
			return CompletableFuture.completedFuture(result(call, payload));
		}
		catch (RuntimeException failure) {
			return CompletableFuture.completedFuture(failed(chargerId, call, failure));
		}
	}

	private Reply result(Frame.Call call, Object payload) {
		return new Reply(codec.callResult(call.messageId(), payload), "result");
	}

	private Reply failed(String chargerId, Frame.Call call, Throwable failure) {
		if (failure instanceof OcppError error) {
			return error(call, error.code(), error.description());
		}
		if (failure instanceof JacksonException || failure instanceof DateTimeParseException) {
			return error(call, ErrorCode.TypeConstraintViolation, "A field has a value of the wrong type");
		}
		// Not committed: InternalError tells the charger to retry the message later (OCPP 1.6 §3.7).
		log.error("{} from {} failed (message {})", call.action(), chargerId, call.messageId(), failure);
		return error(call, ErrorCode.InternalError, "The central system could not process the message");
	}

	/** The action as a metric label: one of OCPP 1.6's, or "unknown" (a charger must not grow our label set). */
	public static String label(String action) {
		return OCPP16_ACTIONS.contains(action) ? action : "unknown";
	}

	private Reply error(Frame.Call call, ErrorCode code, String description) {
		return new Reply(codec.callError(call.messageId(), code, description), code.name());
	}

	private Object handle(String chargerId, Frame.Call call) {
		ActionHandler<?> handler = handlers.get(call.action());
		if (handler == null) {
			throw OCPP16_ACTIONS.contains(call.action())
					? new OcppError(ErrorCode.NotSupported, call.action() + " is not supported by this central system")
					: new OcppError(ErrorCode.NotImplemented, "Unknown action " + call.action());
		}
		schemas.validateRequest(call.action(), call.payload());
		return invoke(handler, new CallContext(chargerId, codec.write(call.payload())), call);
	}

	private <Q> Object invoke(ActionHandler<Q> handler, CallContext context, Frame.Call call) {
		return handler.handle(context, codec.convert(call.payload(), handler.requestType()));
	}
}
