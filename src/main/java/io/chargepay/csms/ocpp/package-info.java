/**
 * The OCPP 1.6J adapter: the WebSocket listener chargers connect to (identity, Basic auth, subprotocol), RPC framing,
 * payload validation and CALLERROR codes, the per-charger call queue, and the action handlers. The only module that
 * knows the wire protocol and Java-WebSocket.
 */
@org.jspecify.annotations.NullMarked
package io.chargepay.csms.ocpp;
