package io.chargepay.csms.web;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.chargepay.csms.payment.PaymentLinkStatus;
import io.chargepay.csms.session.Actor;
import io.chargepay.csms.payment.PaymentLinkView;
import org.jspecify.annotations.Nullable;

/**
 * A payment link as the API shows it (recreation, link lists, and wherever a session carries its links). The
 * metadata, stored as JSON text, is embedded as a JSON object.
 */
public record PaymentLinkResponse(
		String paymentLinkId,
		String sessionId,
		String provider,
		@Nullable String externalId,
		@Nullable String url,
		BigDecimal amount,
		String currency,
		PaymentLinkStatus status,
		Instant createdAt,
		Instant expiresAt,
		@Nullable String failureReason,
		@JsonRawValue @Nullable String metadata,
		@Nullable Actor createdBy) {

	public static PaymentLinkResponse of(PaymentLinkView link) {
		return new PaymentLinkResponse(link.id(), link.sessionId(), link.provider(), link.externalId(), link.url(),
				link.amount(), link.currency(), link.status(), link.createdAt(), link.expiresAt(), link.failureReason(),
				link.metadata(), link.createdBy());
	}
}
