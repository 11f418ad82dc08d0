/**
 * Pre-session wallet balance checks: every check is recorded in {@code balance_checks} whatever its outcome, and a
 * sufficient one holds a reservation on the wallet until it is released. Providers: {@code evm} for the chains under
 * {@code csms.chains}, {@code sandbox} for the rest in sandbox mode.
 */
@org.jspecify.annotations.NullMarked
package io.chargepay.csms.balance;
