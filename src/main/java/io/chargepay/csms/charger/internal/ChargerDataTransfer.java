package io.chargepay.csms.charger.internal;

import java.time.Instant;

import io.chargepay.csms.charger.DataTransferReceived;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "charger_data_transfers")
public class ChargerDataTransfer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;
	private String chargerId;
	private String vendorId;
	private @Nullable String messageId;
	private @Nullable String data;
	private Instant receivedAt;

	protected ChargerDataTransfer() {
		this.chargerId = "";
		this.vendorId = "";
		this.receivedAt = Instant.EPOCH;
	}

	public ChargerDataTransfer(String chargerId, DataTransferReceived transfer, Instant receivedAt) {
		this.chargerId = chargerId;
		this.vendorId = transfer.vendorId();
		this.messageId = transfer.messageId();
		this.data = transfer.data();
		this.receivedAt = receivedAt;
	}

	public String vendorId() { return vendorId; }
	public @Nullable String messageId() { return messageId; }
	public @Nullable String data() { return data; }
}
