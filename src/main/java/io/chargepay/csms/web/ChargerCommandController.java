package io.chargepay.csms.web;

import java.util.List;
import java.util.Map;

import io.chargepay.csms.charger.ChargerCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators send OCPP commands to chargers: 200 with the charger's answer; 409 when it is offline, 504 when it does not
 * answer in time, 502 when it answers with a CALLERROR.
 */
@RestController
@RequestMapping("/api/v1/chargers/{chargerId}/commands")
@Tag(name = "Charger commands (operator)")
class ChargerCommandController {

	record ResetRequest(@NotNull @Pattern(regexp = "Hard|Soft") String type) {
	}

	record ChangeConfigurationRequest(@NotBlank @Size(max = 50) String key, @NotNull @Size(max = 500) String value) {
	}

	record GetConfigurationRequest(@Nullable List<@NotBlank @Size(max = 50) String> keys) {
	}

	record ChangeAvailabilityRequest(@NotNull @Min(0) Integer connectorId,
			@NotNull @Pattern(regexp = "Inoperative|Operative") String type) {
	}

	record UnlockConnectorRequest(@NotNull @Positive Integer connectorId) {
	}

	record TriggerMessageRequest(
			@NotNull @Pattern(regexp = "BootNotification|DiagnosticsStatusNotification|FirmwareStatusNotification|Heartbeat|MeterValues|StatusNotification") String requestedMessage,
			@Nullable @Positive Integer connectorId) {
	}

	record DataTransferRequest(@NotBlank @Size(max = 255) String vendorId, @Nullable @Size(max = 50) String messageId,
			@Nullable String data) {
	}

	record RemoteStartRequest(@NotBlank @Size(max = 20) String idTag, @Nullable @Positive Integer connectorId) {
	}

	record RemoteStopRequest(@NotNull Integer transactionId) {
	}

	private final CommandDispatch dispatch;

	ChargerCommandController(CommandDispatch dispatch) {
		this.dispatch = dispatch;
	}

	@PostMapping("/reset")
	@Operation(summary = "Reset (Hard or Soft)")
	CommandDispatch.CommandResponse reset(@PathVariable String chargerId, @Valid @RequestBody ResetRequest request) {
		return dispatch.send(chargerId, new ChargerCommand.Reset(request.type()));
	}

	@PostMapping("/change-configuration")
	@Operation(summary = "ChangeConfiguration of one key")
	CommandDispatch.CommandResponse changeConfiguration(@PathVariable String chargerId,
			@Valid @RequestBody ChangeConfigurationRequest request) {
		return dispatch.send(chargerId, new ChargerCommand.ChangeConfiguration(request.key(), request.value()));
	}

	@PostMapping("/get-configuration")
	@Operation(summary = "GetConfiguration of the given keys, or of all keys when none are given")
	CommandDispatch.CommandResponse getConfiguration(@PathVariable String chargerId,
			@Valid @RequestBody GetConfigurationRequest request) {
		List<String> keys = request.keys() == null || request.keys().isEmpty() ? null : request.keys();
		return dispatch.send(chargerId, new ChargerCommand.GetConfiguration(keys));
	}

	@PostMapping("/change-availability")
	@Operation(summary = "ChangeAvailability of a connector (0 = the whole charger)")
	CommandDispatch.CommandResponse changeAvailability(@PathVariable String chargerId,
			@Valid @RequestBody ChangeAvailabilityRequest request) {
		return dispatch.send(chargerId, new ChargerCommand.ChangeAvailability(request.connectorId(), request.type()));
	}

	@PostMapping("/unlock-connector")
	@Operation(summary = "UnlockConnector")
	CommandDispatch.CommandResponse unlockConnector(@PathVariable String chargerId,
			@Valid @RequestBody UnlockConnectorRequest request) {
		return dispatch.send(chargerId, new ChargerCommand.UnlockConnector(request.connectorId()));
	}

	@PostMapping("/clear-cache")
	@Operation(summary = "ClearCache")
	CommandDispatch.CommandResponse clearCache(@PathVariable String chargerId,
			@RequestBody(required = false) @Nullable Map<String, Object> ignored) {
		return dispatch.send(chargerId, new ChargerCommand.ClearCache());
	}

	@PostMapping("/trigger-message")
	@Operation(summary = "TriggerMessage")
	CommandDispatch.CommandResponse triggerMessage(@PathVariable String chargerId,
			@Valid @RequestBody TriggerMessageRequest request) {
		return dispatch.send(chargerId,
				new ChargerCommand.TriggerMessage(request.requestedMessage(), request.connectorId()));
	}

	@PostMapping("/data-transfer")
	@Operation(summary = "DataTransfer")
	CommandDispatch.CommandResponse dataTransfer(@PathVariable String chargerId,
			@Valid @RequestBody DataTransferRequest request) {
		return dispatch.send(chargerId,
				new ChargerCommand.DataTransfer(request.vendorId(), request.messageId(), request.data()));
	}

	@PostMapping("/remote-start")
	@Operation(summary = "RemoteStartTransaction for an idTag (no balance check: use /api/v1/session/start for that)")
	CommandDispatch.CommandResponse remoteStart(@PathVariable String chargerId,
			@Valid @RequestBody RemoteStartRequest request) {
		return dispatch.send(chargerId,
				new ChargerCommand.RemoteStartTransaction(request.connectorId(), request.idTag()));
	}

	@PostMapping("/remote-stop")
	@Operation(summary = "RemoteStopTransaction")
	CommandDispatch.CommandResponse remoteStop(@PathVariable String chargerId,
			@Valid @RequestBody RemoteStopRequest request) {
		return dispatch.send(chargerId, new ChargerCommand.RemoteStopTransaction(request.transactionId()));
	}
}
