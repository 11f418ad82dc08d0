package io.chargepay.csms.charger;

import java.util.Map;

/** How a command to a charger ended. */
public sealed interface CommandResult {

	/** The charger answered with a CALLRESULT; {@code payload} is its JSON object. */
	record Answered(Map<String, Object> payload) implements CommandResult {
		/** The {@code status} field most confirmations carry (Accepted, Rejected, ...), or null. */
		public Object status() {
			return payload.get("status");
		}
	}

	/** The charger answered with a CALLERROR. */
	record CallError(String errorCode, String errorDescription) implements CommandResult {
	}

	/** No answer within the call timeout. */
	record TimedOut() implements CommandResult {
	}

	/** The charger is not connected, or its connection dropped before it answered. */
	record Offline() implements CommandResult {
	}
}
