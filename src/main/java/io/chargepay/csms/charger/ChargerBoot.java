package io.chargepay.csms.charger;

import org.jspecify.annotations.Nullable;

/** What a charger says about itself in BootNotification. */
public record ChargerBoot(
		String vendor,
		String model,
		@Nullable String serialNumber,
		@Nullable String chargeBoxSerialNumber,
		@Nullable String firmwareVersion,
		@Nullable String iccid,
		@Nullable String imsi,
		@Nullable String meterType,
		@Nullable String meterSerialNumber) {
}
