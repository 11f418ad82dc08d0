package io.chargepay.csms.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chargepay.csms.charger.ChargerCommands;
import io.chargepay.csms.charger.ChargerService;
import io.chargepay.csms.charger.ChargerView;
import io.chargepay.csms.charger.SecurityEventView;
import io.chargepay.csms.charger.SecurityEvents;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators register chargers, look at them, rotate their keys and retire them. */
@RestController
@RequestMapping("/api/v1/chargers")
@Tag(name = "Chargers (operator)")
class ChargerController {

	record RegisterChargerRequest(
			@NotBlank @Size(max = 48) @Pattern(regexp = "[^/\\p{Cntrl}]+", message = "must not contain '/' or control characters") String chargerId,
			@Nullable @Size(min = 16, max = 40) String password) {
	}

	record ChangePasswordRequest(@Nullable @Size(min = 16, max = 40) String password) {
	}

	/** A key the CSMS generated, shown in this one answer only. */
	record GeneratedKeyResponse(String authorizationKey) {
	}

	record ChargerResponse(String chargerId, boolean enabled, boolean connected, @Nullable String vendor,
			@Nullable String model, @Nullable String firmwareVersion, Instant registeredAt, @Nullable Instant lastBootAt,
			@Nullable Instant lastSeenAt, List<ChargerView.ConnectorView> connectors,
			ChargerView.@Nullable StatusReport firmware, ChargerView.@Nullable StatusReport diagnostics,
			ChargerView.@Nullable StatusReport log,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String authorizationKey) {
	}

	private final ChargerService chargers;
	private final ChargerCommands commands;
	private final SecurityEvents securityEvents;

	ChargerController(ChargerService chargers, ChargerCommands commands, SecurityEvents securityEvents) {
		this.chargers = chargers;
		this.commands = commands;
		this.securityEvents = securityEvents;
	}

	@PostMapping
	@Operation(summary = "Register a charger with its OCPP AuthorizationKey (Basic-auth password, 16-40 characters)",
			description = "Without a password the CSMS generates a 20-character random key and returns it once, as "
					+ "authorizationKey. Prefer it: generated keys are checked with a fast hash, chosen ones with PBKDF2 "
					+ "(about 8 ms of CPU per connect), which slows a whole fleet reconnecting after a restart.")
	ResponseEntity<ChargerResponse> register(@Valid @RequestBody RegisterChargerRequest request) {
		String generated = null;
		if (request.password() == null) {
			generated = chargers.registerWithGeneratedKey(request.chargerId());
		}
		else {
			chargers.register(request.chargerId(), request.password());
		}
		ChargerResponse registered = response(chargers.find(request.chargerId()).orElseThrow(), generated);
		return ResponseEntity.created(URI.create("/api/v1/chargers/" + request.chargerId())).body(registered);
	}

	@GetMapping
	@Operation(summary = "List chargers, newest registrations first")
	PageResponse<ChargerResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
		return PageResponse.of(chargers.list(page, size), this::response);
	}

	@GetMapping("/{chargerId}")
	@Operation(summary = "One charger with its connectors and connection state")
	ChargerResponse get(@PathVariable String chargerId) {
		return chargers.find(chargerId).map(this::response)
				.orElseThrow(() -> new NotFoundException("Charger " + chargerId + " is not registered"));
	}

	@GetMapping("/{chargerId}/security-events")
	@Operation(summary = "The security events the charger reported (SecurityEventNotification), newest first",
			description = "type, occurredAt and techInfo as the charger sent them (a time more than "
					+ "csms.ocpp.max-clock-skew ahead is replaced by the time of arrival), and receivedAt.")
	PageResponse<SecurityEventView> securityEvents(@PathVariable String chargerId,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
		if (chargers.find(chargerId).isEmpty()) {
			throw new NotFoundException("Charger " + chargerId + " is not registered");
		}
		return PageResponse.of(securityEvents.of(chargerId, page, size), event -> event);
	}

	// The live connection is closed once the new key is committed: a rotation usually answers a leaked key, and a
	// connection opened with the old one must not outlive it. The charger reconnects with the new key.
	@PutMapping("/{chargerId}/password")
	@Operation(summary = "Rotate the charger's AuthorizationKey and close its live connection",
			description = "204 with the password given; without one, 200 with a generated authorizationKey, shown once.")
	ResponseEntity<GeneratedKeyResponse> changePassword(@PathVariable String chargerId,
			@Valid @RequestBody ChangePasswordRequest request) {
		if (request.password() == null) {
			String generated = chargers.generateAuthorizationKey(chargerId);
			commands.disconnect(chargerId);
			return ResponseEntity.ok(new GeneratedKeyResponse(generated));
		}
		chargers.changeAuthorizationKey(chargerId, request.password());
		commands.disconnect(chargerId);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{chargerId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Disable the charger and close its connection")
	void disable(@PathVariable String chargerId) {
		chargers.disable(chargerId);
		commands.disconnect(chargerId);
	}

	private ChargerResponse response(ChargerView view) {
		return response(view, null);
	}

	/** With a generated key only in the answer that creates it. */
	private ChargerResponse response(ChargerView view, @Nullable String authorizationKey) {
		return new ChargerResponse(view.chargerId(), view.enabled(), commands.isConnected(view.chargerId()),
				view.vendor(), view.model(), view.firmwareVersion(), view.registeredAt(), view.lastBootAt(),
				view.lastSeenAt(), view.connectors(), view.firmware(), view.diagnostics(), view.log(), authorizationKey);
	}
}
