package io.chargepay.csms.session;

import java.math.BigDecimal;
import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Session timing and RFID gating. {@code pendingTimeout}: how long an app-started session waits for the charger's
 * StartTransaction. {@code stopWait}: how long a stop request waits for the StopTransaction; {@code stopRetryAfter}: how
 * long a session may stay STOPPING before its RemoteStopTransaction is sent again. {@code defaultMaxCost}
 * and {@code checkReuse} (csms.authorization.*): the amount an RFID session is checked for, and how long a sufficient
 * check serves Authorize and the StartTransaction that follows it.
 */
@Validated
@ConfigurationProperties("csms")
public record SessionProperties(@DefaultValue Session session, @DefaultValue Authorization authorization) {

	public record Session(@DefaultValue("120s") Duration pendingTimeout, @DefaultValue("10s") Duration stopWait,
			@DefaultValue("2m") Duration stopRetryAfter) {
	}

	public record Authorization(@DefaultValue("20.00") @Positive BigDecimal defaultMaxCost,
			@DefaultValue("5m") Duration checkReuse) {
	}
}
