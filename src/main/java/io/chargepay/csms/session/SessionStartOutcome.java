package io.chargepay.csms.session;

import io.chargepay.csms.balance.BalanceCheckResult;

/** How a start from the app ended. */
public sealed interface SessionStartOutcome {

	BalanceCheckResult balanceCheck();

	/** The charger accepted the remote start; the session is PENDING until its StartTransaction (or already ACTIVE). */
	record Started(SessionView session, BalanceCheckResult balanceCheck) implements SessionStartOutcome {
	}

	/** The wallet did not hold enough, or its balance could not be read: no session. */
	record BalanceRefused(BalanceCheckResult balanceCheck) implements SessionStartOutcome {
	}

	/** The charger did not start it: the session is FAILED. */
	record ChargerRefused(SessionView session, BalanceCheckResult balanceCheck, ChargerRefusal reason, String detail)
			implements SessionStartOutcome {
	}
}
