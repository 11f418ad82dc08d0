/**
 * Charging sessions: an OCPP transaction from StartTransaction to StopTransaction, its meter values, and the charger
 * messages that could not be applied (kept in quarantine). Finalizes every session exactly once.
 */
@org.jspecify.annotations.NullMarked
package io.chargepay.csms.session;
