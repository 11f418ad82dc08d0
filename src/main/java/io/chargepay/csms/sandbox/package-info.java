/**
 * Sandbox mode, the default when the {@code prod} profile is not active: demo data to try the system with.
 */
@org.jspecify.annotations.NullMarked
package io.chargepay.csms.sandbox;
