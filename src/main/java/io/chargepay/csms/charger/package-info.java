/**
 * Charge points: their registration and hashed credentials, what they report at boot, their connectors and status.
 * Declares {@link io.chargepay.csms.charger.ChargerCommands}, the port through which the rest of the system talks to a charger.
 */
@org.jspecify.annotations.NullMarked
package io.chargepay.csms.charger;
