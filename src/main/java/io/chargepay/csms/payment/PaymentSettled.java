package io.chargepay.csms.payment;

import java.time.Instant;

import io.chargepay.csms.session.Money;

/** Published once per session, in the transaction that records its link as paid. */
public record PaymentSettled(String sessionId, String paymentLinkId, String provider, Money amount, Instant paidAt) {
}
