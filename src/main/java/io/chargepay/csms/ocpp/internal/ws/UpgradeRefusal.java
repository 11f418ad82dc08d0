package io.chargepay.csms.ocpp.internal.ws;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Why a WebSocket upgrade was refused, and the HTTP response that says so. */
enum UpgradeRefusal {

	BAD_REQUEST(400, "Bad Request", ""),
	SUBPROTOCOL_NOT_OFFERED(400, "Bad Request", ""),
	UNAUTHORIZED(401, "Unauthorized", "WWW-Authenticate: Basic realm=\"OCPP\", charset=\"UTF-8\"\r\n"),
	/** Answered exactly as UNAUTHORIZED: telling unknown ids apart would let anyone enumerate the fleet. */
	UNKNOWN_CHARGER(401, "Unauthorized", "WWW-Authenticate: Basic realm=\"OCPP\", charset=\"UTF-8\"\r\n"),
	/** The upgrade waited too long for a decoder: the charger has likely given up; retry later costs us nothing now. */
	OVERLOADED(503, "Service Unavailable", "Retry-After: 10\r\n");

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

	ByteBuffer httpResponse() {
		String response = "HTTP/1.1 " + status + " " + reason + "\r\n" + extraHeaders
				+ "Content-Length: 0\r\nConnection: close\r\n\r\n";
		return ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII));
	}
}
