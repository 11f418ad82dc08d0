package io.chargepay.csms.charger;

import org.jspecify.annotations.Nullable;

/** A DataTransfer a charger sent us. */
public record DataTransferReceived(String vendorId, @Nullable String messageId, @Nullable String data) {
}
