package io.chargepay.csms.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chargepay.csms.identity.IdentityService;
import io.chargepay.csms.identity.UserProfile;
import io.chargepay.csms.identity.Wallet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operators manage drivers: their idTags (what a charger sees) and wallets (what pays). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users (operator)")
class UserController {

	static final String USER_ID = "[A-Za-z0-9._@:-]{1,64}";
	static final String CHAIN = "[A-Z][A-Z0-9_]{0,31}";

	record WalletRequest(@NotBlank @Pattern(regexp = "0x[0-9a-fA-F]{40}", message = "must be 0x and 40 hex digits") String address,
			@NotBlank @Pattern(regexp = CHAIN, message = "must be a chain name such as ETHEREUM") String chain,
			@JsonProperty("default") @Nullable Boolean isDefault) {

		Wallet toWallet() {
			return new Wallet(address, chain, Boolean.TRUE.equals(isDefault));
		}
	}

	record CreateUserRequest(@NotNull @Pattern(regexp = USER_ID) String userId,
			@Nullable @Size(max = 20) List<@NotBlank @Size(max = 20) String> idTags,
			@Nullable @Size(max = 20) List<@Valid @NotNull WalletRequest> wallets) {
	}

	record AddIdTagRequest(@NotBlank @Size(max = 20) String idTag) {
	}

	record UpdateIdTagRequest(@NotNull Boolean blocked, @Nullable Instant expiresAt) {
	}

	record WalletResponse(String address, String chain, @JsonProperty("default") boolean isDefault) {
	}

	record UserResponse(String userId, Instant createdAt, List<UserProfile.IdTagView> idTags,
			List<WalletResponse> wallets) {
	}

	private final IdentityService identity;

	UserController(IdentityService identity) {
		this.identity = identity;
	}

	@PostMapping
	@Operation(summary = "Create a user with idTags (at most 20 characters each) and wallets")
	ResponseEntity<UserResponse> create(@Valid @RequestBody CreateUserRequest request) {
		identity.createUser(request.userId(), Objects.requireNonNullElse(request.idTags(), List.of()),
				Objects.requireNonNullElse(request.wallets(), List.<WalletRequest>of()).stream()
						.map(WalletRequest::toWallet).toList());
		return ResponseEntity.created(URI.create("/api/v1/users/" + request.userId())).body(get(request.userId()));
	}

	@GetMapping("/{userId}")
	@Operation(summary = "A user with idTags and wallets")
	UserResponse get(@PathVariable String userId) {
		return identity.findUser(userId).map(UserController::response)
				.orElseThrow(() -> new NotFoundException("User " + userId + " does not exist"));
	}

	@PostMapping("/{userId}/id-tags")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Give the user another idTag")
	UserResponse addIdTag(@PathVariable String userId, @Valid @RequestBody AddIdTagRequest request) {
		identity.addIdTag(userId, request.idTag());
		return get(userId);
	}

	@PutMapping("/{userId}/id-tags/{idTag}")
	@Operation(summary = "Block or unblock an idTag and set (or clear) its expiry")
	UserResponse updateIdTag(@PathVariable String userId, @PathVariable String idTag,
			@Valid @RequestBody UpdateIdTagRequest request) {
		identity.updateIdTag(userId, idTag, request.blocked(), request.expiresAt());
		return get(userId);
	}

	@DeleteMapping("/{userId}/id-tags/{idTag}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove an idTag from the user")
	void removeIdTag(@PathVariable String userId, @PathVariable String idTag) {
		identity.removeIdTag(userId, idTag);
	}

	@PostMapping("/{userId}/wallets")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a wallet; a default one replaces the previous default")
	UserResponse addWallet(@PathVariable String userId, @Valid @RequestBody WalletRequest request) {
		identity.addWallet(userId, request.toWallet());
		return get(userId);
	}

	@DeleteMapping("/{userId}/wallets/{chain}/{address}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a wallet")
	void removeWallet(@PathVariable String userId, @PathVariable String chain, @PathVariable String address) {
		identity.removeWallet(userId, chain, address);
	}

	private static UserResponse response(UserProfile profile) {
		return new UserResponse(profile.userId(), profile.createdAt(), profile.idTags(), profile.wallets().stream()
				.map(wallet -> new WalletResponse(wallet.address(), wallet.chain(), wallet.isDefault())).toList());
	}
}
