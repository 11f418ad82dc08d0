package io.chargepay.csms.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.chargepay.csms.payment.PaymentLinkService;
import io.chargepay.csms.payment.PaymentLinkView;
import io.chargepay.csms.session.SessionStopOutcome;
import io.chargepay.csms.session.SessionStopper;
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
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Stopping a session from the app, with the payment link it ends in (the specification's "Session Stop"). */
@RestController
@Tag(name = "Sessions")
class SessionStopController {

	/** How long a finished stop waits for its payment link before answering 202 (the link follows). */
	private static final Duration LINK_WAIT = Duration.ofSeconds(5);

	@Schema(example = "{\"userId\": \"user-123\", \"sessionId\": \"session-uuid\", \"finalCost\": 7.50}")
	record StopRequest(@NotNull @Pattern(regexp = UserController.USER_ID) String userId,
			@NotBlank @Size(max = 36) String sessionId,
			@Nullable @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal finalCost) {
	}

	record StopResponse(String sessionId, String status, @Nullable String userId, @Nullable Long energyWh,
			@Nullable BigDecimal amount, @Nullable String currency, boolean billingHold, @Nullable String paymentLinkId,
			@Nullable String url, @Nullable Instant expiresAt) {
	}

	private final SessionStopper stopper;
	private final PaymentLinkService payments;

	SessionStopController(SessionStopper stopper, PaymentLinkService payments) {
		this.stopper = stopper;
		this.payments = payments;
	}

	@PostMapping("/api/v1/session/stop")
	@Operation(summary = "Stop a session: 200 with its payment link, 202 while the charger has not confirmed yet; "
			+ "403 for another user's session or a driver's finalCost, 409 not active, 503 charger offline")
	ResponseEntity<StopResponse> stop(@Valid @RequestBody StopRequest request, Authentication authentication) {
		Caller caller = Caller.of(authentication);
		caller.requireSelfOrOperator(request.userId());
		if (request.finalCost() != null && !caller.operator()) {
			throw new AccessDeniedException("Only an operator may set finalCost: drivers don't price their own charging");
		}
		SessionStopOutcome outcome = stopper.stop(request.sessionId(), request.userId(), request.finalCost(),
				caller.actor());
		if (outcome instanceof SessionStopOutcome.Stopped stopped) {
			SessionView session = stopped.session();
			Optional<PaymentLinkView> link = session.billingHold() ? Optional.empty()
					: payments.awaitActiveLink(session.sessionId(), LINK_WAIT);
			HttpStatus status = link.isPresent() || session.billingHold() ? HttpStatus.OK : HttpStatus.ACCEPTED;
			return ResponseEntity.status(status).body(response(session, link.orElse(null)));
		}
		if (outcome instanceof SessionStopOutcome.Stopping stopping) {
			return ResponseEntity.accepted().body(response(stopping.session(), null));
		}
		throw new ApiProblemException(problemFor((SessionStopOutcome.NotStopped) outcome));
	}

	private static StopResponse response(SessionView session, @Nullable PaymentLinkView link) {
		return new StopResponse(session.sessionId(), session.status().name(), session.userId(), session.energyWh(),
				session.amount() == null ? null : session.amount().amount(),
				session.amount() == null ? null : session.amount().currency(), session.billingHold(),
				link == null ? null : link.id(), link == null ? null : link.url(), link == null ? null : link.expiresAt());
	}

	private static ProblemDetail problemFor(SessionStopOutcome.NotStopped notStopped) {
		ProblemDetail problem = switch (notStopped.reason()) {
			case OFFLINE -> ProblemType.CHARGER_UNAVAILABLE.problem(notStopped.detail());
			case REJECTED -> ProblemType.CHARGER_REFUSED.problem(notStopped.detail());
			case TIMEOUT -> ProblemType.CHARGER_TIMEOUT.problem(notStopped.detail());
			case CALL_ERROR -> ProblemType.CHARGER_CALL_ERROR.problem(notStopped.detail());
		};
		problem.setProperty("sessionId", notStopped.session().sessionId());
		problem.setProperty("sessionStatus", notStopped.session().status().name());
		return problem;
	}
}
