package io.chargepay.csms.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** Who is calling: the token's {@code sub}, and whether its roles include operator. */
public record Caller(String userId, boolean operator) {

	public static final String OPERATOR_ROLE = "operator";

	static Caller of(Authentication authentication) {
		boolean operator = authentication.getAuthorities().stream()
				.anyMatch(authority -> ("ROLE_" + OPERATOR_ROLE).equals(authority.getAuthority()));
		return new Caller(authentication.getName(), operator);
	}

	/** The caller as the session's audit trail records it. */
	public io.chargepay.csms.session.Actor actor() {
		return operator ? io.chargepay.csms.session.Actor.operator(userId) : io.chargepay.csms.session.Actor.driver(userId);
	}

	/** A driver may act only on their own data; an operator on anyone's. */
	void requireSelfOrOperator(String userId) {
		if (!operator && !this.userId.equals(userId)) {
			throw new AccessDeniedException("The token's subject may not act for user " + userId);
		}
	}
}
