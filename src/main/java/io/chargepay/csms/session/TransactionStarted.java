package io.chargepay.csms.session;

import io.chargepay.csms.identity.Authorization;

/** The answer to a StartTransaction: the transaction id the charger must use, and whether the idTag may charge. */
public record TransactionStarted(int transactionId, Authorization authorization) {
}
