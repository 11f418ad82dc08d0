package io.chargepay.csms.ocpp.internal.action;

/**
 * Handles one charger-initiated action. The request arrives schema-valid and bound to {@code requestType()}; the
 * returned object is the CALLRESULT payload, or a {@link java.util.concurrent.CompletionStage} of it when the answer must
 * wait for something the worker should not wait for (a group commit). Throwing (or failing the stage with)
 * {@link io.chargepay.csms.ocpp.internal.rpc.OcppError} answers with that CALLERROR; any other exception with
 * InternalError.
 */
public interface ActionHandler<Q> {

	String action();

	Class<Q> requestType();

	Object handle(CallContext context, Q request);
}
