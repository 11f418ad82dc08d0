package io.chargepay.csms.ocpp.internal.action;

import java.util.Map;

import io.chargepay.csms.identity.Authorization;
import io.chargepay.csms.identity.AuthorizationStatus;
import io.chargepay.csms.ocpp.internal.rpc.OcppTime;
import org.jspecify.annotations.Nullable;

/** OCPP 1.6 IdTagInfo (§7.30). */
record IdTagInfo(String status, @Nullable String expiryDate, @Nullable String parentIdTag) {

	private static final Map<AuthorizationStatus, String> WIRE_STATUS = Map.of(
			AuthorizationStatus.ACCEPTED, "Accepted",
			AuthorizationStatus.BLOCKED, "Blocked",
			AuthorizationStatus.EXPIRED, "Expired",
			AuthorizationStatus.INVALID, "Invalid",
			AuthorizationStatus.CONCURRENT_TX, "ConcurrentTx");

	static IdTagInfo of(Authorization authorization) {
		return new IdTagInfo(WIRE_STATUS.get(authorization.status()),
				authorization.expiresAt() == null ? null : OcppTime.format(authorization.expiresAt()),
				authorization.parentIdTag());
	}
}
