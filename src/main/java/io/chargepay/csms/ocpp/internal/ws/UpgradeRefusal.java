package io.chargepay.csms.ocpp.internal.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** Why a WebSocket upgrade was refused, and the HTTP response that says so. */
enum UpgradeRefusal {

	BAD_REQUEST(400, "Bad Request", ""),
	SUBPROTOCOL_NOT_OFFERED(400, "Bad Request", ""),
	UNAUTHORIZED(401, "Unauthorized", "WWW-Authenticate: Basic realm=\"OCPP\", charset=\"UTF-8\"\r\n"),
	/** Answered exactly as UNAUTHORIZED: telling unknown ids apart would let anyone enumerate the fleet. */
	UNKNOWN_CHARGER(401, "Unauthorized", "WWW-Authenticate: Basic realm=\"OCPP\", charset=\"UTF-8\"\r\n"),
	/** The upgrade waited too long to be decided: the charger has likely given up; retry later costs us nothing now. */
	OVERLOADED(503, "Service Unavailable", ""),
	/** Every admission thread is busy and the upgrades waiting for them fill its queue (Admissions). */
	ADMISSION_FULL(503, "Service Unavailable", ""),
	/** Too many refused credentials from this address or for this identity lately (FailedUpgrades). */
	RATE_LIMITED(429, "Too Many Requests", "");

	private final int status;
	private final String reason;
	private final String extraHeaders;

	UpgradeRefusal(int status, String reason, String extraHeaders) {
		this.status = status;
		this.reason = reason;
		this.extraHeaders = extraHeaders;
	}

	int status() {
		return status;
	}

	/** The response, with a Retry-After in whole seconds (rounded up) when {@code retryAfter} is given. */
	ByteBuffer httpResponse(@Nullable Duration retryAfter) {
		String retry = retryAfter == null ? ""
				: "Retry-After: " + Math.max(1, (retryAfter.toMillis() + 999) / 1000) + "\r\n";
		String response = "HTTP/1.1 " + status + " " + reason + "\r\n" + extraHeaders + retry
				+ "Content-Length: 0\r\nConnection: close\r\n\r\n";
		return ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII));
	}
}
