package io.chargepay.csms.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

import io.chargepay.csms.balance.BalanceCheckResult;
import io.chargepay.csms.balance.BalanceStatus;
import io.chargepay.csms.session.SessionStartOutcome;
import io.chargepay.csms.session.SessionStartRequest;
import io.chargepay.csms.session.SessionStarter;
import io.chargepay.csms.session.SessionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Starting a charging session from the app, gated on the wallet's balance (the specification's "Session Start"). */
@RestController
@Tag(name = "Sessions")
class SessionStartController {

	@Schema(example = """
			{"userId": "user-123", "chargerId": "CHARGER-001", "walletAddress": "0x742d35Cc6634C0532925a3b8D95B0E8b19a6bE6c",
			 "chain": "ETHEREUM", "expectedMaxCost": 10.0, "metadata": {"location": "Station A", "connectorType": "DCFC"}}""")
	record StartRequest(@NotNull @Pattern(regexp = UserController.USER_ID) String userId,
			@NotBlank @Size(max = 48) String chargerId,
			@Nullable @Positive Integer connectorId,
			@NotBlank @Size(max = 64) String walletAddress,
			@NotBlank @Size(max = 32) String chain,
			@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") @Digits(integer = 7, fraction = 4) BigDecimal expectedMaxCost,
			@Nullable @Size(max = 20) Map<String, Object> metadata) {
	}

	record StartResponse(String sessionId, String status, String balanceCheckId, BalanceStatus balanceStatus,
			String userId, String chargerId, @Nullable Integer connectorId, String idTag) {
	}

	private final SessionStarter starter;
	private final JsonMapper json;

	SessionStartController(SessionStarter starter, JsonMapper json) {
		this.starter = starter;
		this.json = json;
	}

	@PostMapping("/api/v1/session/start")
	@Operation(summary = "Check the wallet's balance, then start charging: 201 started; 402 insufficient balance, "
			+ "503 balance unknown or charger offline, 409 charger refused or connector busy, 504 charger silent")
	ResponseEntity<StartResponse> start(@Valid @RequestBody StartRequest request, Authentication authentication) {
		Caller caller = Caller.of(authentication);
		caller.requireSelfOrOperator(request.userId());
		SessionStartOutcome outcome = starter.start(new SessionStartRequest(request.userId(), request.chargerId(),
				request.connectorId(), request.walletAddress(), request.chain(), request.expectedMaxCost(),
				request.metadata() == null ? null : json.writeValueAsString(request.metadata()), caller.actor()));
		if (outcome instanceof SessionStartOutcome.Started started) {
			SessionView session = started.session();
			return ResponseEntity.created(URI.create("/api/v1/session/" + session.sessionId()))
					.body(new StartResponse(session.sessionId(), session.status().name(),
							started.balanceCheck().balanceCheckId(), started.balanceCheck().status(), session.userId(),
							session.chargerId(), session.connectorId() == 0 ? null : session.connectorId(),
							session.idTag()));
		}
		throw new ApiProblemException(problemFor(outcome));
	}

	private static ProblemDetail problemFor(SessionStartOutcome outcome) {
		BalanceCheckResult check = outcome.balanceCheck();
		ProblemDetail problem;
		if (outcome instanceof SessionStartOutcome.ChargerRefused refused) {
			problem = switch (refused.reason()) {
				case REJECTED -> ProblemType.CHARGER_REFUSED.problem(refused.detail());
				case TIMEOUT -> ProblemType.CHARGER_TIMEOUT.problem(refused.detail());
				case OFFLINE -> ProblemType.CHARGER_UNAVAILABLE.problem(refused.detail());
				case CALL_ERROR -> ProblemType.CHARGER_CALL_ERROR.problem(refused.detail());
			};
			problem.setProperty("sessionId", refused.session().sessionId());
			problem.setProperty("sessionStatus", refused.session().status().name());
		}
		else if (check.status() == BalanceStatus.INSUFFICIENT) {
			problem = ProblemType.INSUFFICIENT_BALANCE.problem("The wallet does not hold " + check.requestedAmount()
					+ " (plus fees and open sessions) to pay for this session");
		}
		else {
			problem = ProblemType.BALANCE_UNAVAILABLE.problem("The wallet's balance could not be checked: "
					+ check.errorMessage());
		}
		problem.setProperty("balanceCheckId", check.balanceCheckId());
		problem.setProperty("balanceStatus", check.status().name());
		return problem;
	}
}
