package io.chargepay.csms.web;

import java.math.BigDecimal;

import io.chargepay.csms.balance.BalanceCheckView;
import io.chargepay.csms.balance.BalanceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The record of balance checks (the specification's "Get Balance Check History" and "Details"). */
@RestController
@Tag(name = "Balance checks")
class BalanceController {

	record SandboxBalanceRequest(@NotNull @DecimalMin("0") BigDecimal amount) {
	}

	private final BalanceService balance;

	BalanceController(BalanceService balance) {
		this.balance = balance;
	}

	@GetMapping("/api/v1/user/{userId}/balance-checks")
	@Operation(summary = "A user's balance checks, newest first (the user or an operator)")
	PageResponse<BalanceCheckView> history(@PathVariable String userId, Authentication authentication,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
		Caller.of(authentication).requireSelfOrOperator(userId);
		return PageResponse.of(balance.history(userId, page, size), check -> check);
	}

	@GetMapping("/api/v1/user/balance-check/{balanceCheckId}")
	@Operation(summary = "One balance check with what it rested on (its user or an operator)")
	BalanceCheckView details(@PathVariable String balanceCheckId, Authentication authentication) {
		BalanceCheckView check = balance.find(balanceCheckId)
				.orElseThrow(() -> new NotFoundException("Balance check " + balanceCheckId + " does not exist"));
		Caller.of(authentication).requireSelfOrOperator(check.userId());
		return check;
	}

	@PutMapping("/api/v1/sandbox/balances/{chain}/{walletAddress}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Sandbox only (operators): set a wallet's balance, in the payment currency")
	void setSandboxBalance(@PathVariable String chain, @PathVariable String walletAddress,
			@Valid @RequestBody SandboxBalanceRequest request) {
		try {
			balance.setSandboxBalance(chain, walletAddress, request.amount());
		}
		catch (IllegalStateException noSandbox) {
			throw new NotFoundException("There is no sandbox in production mode");
		}
	}
}
