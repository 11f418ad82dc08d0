package io.chargepay.csms.session;

/** How a stop requested from the app ended. */
public sealed interface SessionStopOutcome {

	/** The charger's StopTransaction arrived: the session is finished (and billed unless held). */
	record Stopped(SessionView session) implements SessionStopOutcome {
	}

	/** The charger accepted the remote stop, but its StopTransaction has not come within the wait. */
	record Stopping(SessionView session) implements SessionStopOutcome {
	}

	/** The charger did not stop: the session is ACTIVE as before. */
	record NotStopped(SessionView session, ChargerRefusal reason, String detail) implements SessionStopOutcome {
	}
}
