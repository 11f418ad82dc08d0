package io.chargepay.csms.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The stable problem types of the API (RFC 9457 {@code type}); clients may switch on them. */
public enum ProblemType {

	VALIDATION("validation", HttpStatus.BAD_REQUEST, "Request is not valid"),
	MALFORMED_REQUEST("malformed-request", HttpStatus.BAD_REQUEST, "Request body cannot be read"),
	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
	WALLET_NOT_OWNED("wallet-not-owned", HttpStatus.FORBIDDEN, "Wallet is not registered to the user"),
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
	CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
	PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large"),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
	CHARGER_OFFLINE("charger-offline", HttpStatus.CONFLICT, "Charger is not connected"),
	CHARGER_UNAVAILABLE("charger-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Charger is not connected"),
	CHARGER_REFUSED("charger-refused", HttpStatus.CONFLICT, "Charger refused the request"),
	CONNECTOR_BUSY("connector-busy", HttpStatus.CONFLICT, "Connector already has an open session"),
	INSUFFICIENT_BALANCE("insufficient-balance", HttpStatus.PAYMENT_REQUIRED, "Insufficient wallet balance"),
	BALANCE_UNAVAILABLE("balance-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Wallet balance could not be checked"),
	CHARGER_TIMEOUT("charger-timeout", HttpStatus.GATEWAY_TIMEOUT, "Charger did not answer in time"),
	CHARGER_CALL_ERROR("charger-call-error", HttpStatus.BAD_GATEWAY, "Charger answered with a CALLERROR"),
	INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

	public static final String BASE = "https://chargepay.io/problems/";

	private final String slug;
	private final HttpStatus status;
	private final String title;

	ProblemType(String slug, HttpStatus status, String title) {
		this.slug = slug;
		this.status = status;
		this.title = title;
	}

	public HttpStatus status() {
		return status;
	}

	public URI uri() {
		return URI.create(BASE + slug);
	}

	public ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(uri());
		problem.setTitle(title);
		return problem;
	}

	/** The type for a status the handlers did not name explicitly. */
	public static ProblemType forStatus(int status) {
		for (ProblemType type : values()) {
			if (type.status.value() == status) {
				return type;
			}
		}
		return status >= 500 ? INTERNAL : VALIDATION;
	}
}
