package io.chargepay.csms.ocpp.internal.ws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/** What an upgrade request says about the charger: its identity from the path and its Basic-auth credentials. */
record UpgradeRequest(String resourceDescriptor, String offeredSubprotocols, String authorizationHeader) {

	static final String PATH_PREFIX = "/ocpp/";
	static final String SUBPROTOCOL = "ocpp1.6";
	static final int MAX_IDENTITY_LENGTH = 48;

	record Credentials(String username, String password) {
		@Override
		public String toString() {
			return "Credentials[username=" + username + "]";
		}
	}

	/** The charge point identity: the URL-decoded path segment after /ocpp/, or empty when the path is not one. */
	Optional<String> chargerId() {
		String path = resourceDescriptor;
		int query = path.indexOf('?');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		if (!path.startsWith(PATH_PREFIX)) {
			return Optional.empty();
		}
		String encoded = path.substring(PATH_PREFIX.length());
		if (encoded.isEmpty() || encoded.contains("/")) {
			return Optional.empty();
		}
		try {
			String identity = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
			return identity.isBlank() || identity.length() > MAX_IDENTITY_LENGTH ? Optional.empty() : Optional.of(identity);
		}
		catch (IllegalArgumentException badEscape) {
			return Optional.empty();
		}
	}

	boolean offersOcpp16() {
		return Arrays.stream(offeredSubprotocols.split(",")).map(String::trim).anyMatch(SUBPROTOCOL::equals);
	}

	/** HTTP Basic credentials (RFC 7617); the password may itself contain colons. */
	Optional<Credentials> credentials() {
		String header = authorizationHeader.trim();
		if (header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		String decoded = decodeBase64(header.substring(6).trim());
		int colon = decoded == null ? -1 : decoded.indexOf(':');
		return colon < 0 ? Optional.empty()
				: Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
	}

	private static @Nullable String decodeBase64(String value) {
		try {
			return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}
}
