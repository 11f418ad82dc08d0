/**
 * Drivers and their idTags (the OCPP token a charger presents, at most 20 characters).
 * Decides whether an idTag may charge: unknown, blocked or expired tags are refused.
 */
@org.jspecify.annotations.NullMarked
package io.chargepay.csms.identity;
