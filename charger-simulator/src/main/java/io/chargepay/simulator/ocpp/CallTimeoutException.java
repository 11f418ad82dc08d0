package io.chargepay.simulator.ocpp;

import java.time.Duration;

/** No answer to our CALL within the call timeout. */
public final class CallTimeoutException extends RuntimeException {

	public CallTimeoutException(String action, Duration timeout) {
		super(action + " got no answer within " + timeout.toMillis() + " ms");
	}
}
