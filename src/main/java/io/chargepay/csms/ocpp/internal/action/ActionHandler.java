package io.chargepay.csms.ocpp.internal.action;

/**
 * Handles one charger-initiated action. The request arrives schema-valid and bound to {@code requestType()}; the
 * returned object is the CALLRESULT payload. Throwing {@link io.chargepay.csms.ocpp.internal.rpc.OcppError} answers with
 * that CALLERROR; any other exception with InternalError.
 */
public interface ActionHandler<Q> {

	String action();

	Class<Q> requestType();

	Object handle(CallContext context, Q request);
}
