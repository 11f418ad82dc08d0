package io.chargepay.csms.session.internal;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

/**
 * OCPP transactionIds: positive 32-bit integers drawn at random, so that one charger's id says nothing about another's
 * (a sequence would let anyone who sees one id guess the next and stop a stranger's session).
 */
@Component
public class TransactionIds {

	private static final int MAX_ATTEMPTS = 16;

	private final SecureRandom random = new SecureRandom();
	private final ChargingSessionRepository sessions;

	TransactionIds(ChargingSessionRepository sessions) {
		this.sessions = sessions;
	}

	public int next() {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			int candidate = 1 + random.nextInt(Integer.MAX_VALUE - 1);
			if (!sessions.existsByTransactionId(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException("No free transactionId after " + MAX_ATTEMPTS + " attempts");
	}
}
