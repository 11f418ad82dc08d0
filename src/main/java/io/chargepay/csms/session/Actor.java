package io.chargepay.csms.session;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Who started or stopped a session, or created a payment link: a driver (their user id), an operator (their token's
 * subject), a charger (its id; the idTag and reason are the session's own fields) or the system (what in it).
 */
public record Actor(Kind kind, String id) {

	public enum Kind { DRIVER, OPERATOR, CHARGER, SYSTEM }

	public static Actor driver(String userId) {
		return new Actor(Kind.DRIVER, userId);
	}

	public static Actor operator(String subject) {
		return new Actor(Kind.OPERATOR, subject);
	}

	public static Actor charger(String chargerId) {
		return new Actor(Kind.CHARGER, chargerId);
	}

	/** {@code what}: the part of the system that acted, e.g. pending-expiry. */
	public static Actor system(String what) {
		return new Actor(Kind.SYSTEM, what);
	}

	/** The actor stored as its two columns, or none when either is missing. */
	public static @Nullable Actor of(@Nullable String kind, @Nullable String id) {
		return kind == null || id == null ? null : new Actor(Kind.valueOf(kind.toUpperCase(Locale.ROOT)), id);
	}
}
