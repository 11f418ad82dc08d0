/**
 * Payment links: every finished, billable charging session gets exactly one live link (a Stripe Checkout Session or a
 * sandbox page served by this application), which expires on time, can be recreated, and is settled from Stripe's
 * webhooks. Reacts to the session module's {@code SessionEnded}; the session module knows nothing of it.
 */
@org.jspecify.annotations.NullMarked
package io.chargepay.csms.payment;
