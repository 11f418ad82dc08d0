package io.chargepay.csms.web;

import java.net.URI;
import java.util.List;

import io.chargepay.csms.payment.PaymentLinkService;
import io.chargepay.csms.payment.PaymentLinkView;
import io.chargepay.csms.payment.PaymentProviderUnavailableException;
import io.chargepay.csms.payment.SessionAlreadyPaidException;
import io.chargepay.csms.payment.SessionNotBillableException;
import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.session.SessionView;
import io.chargepay.csms.session.UnknownSessionException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A session's payment links, for its driver or an operator: the list, and a new link replacing the current one. */
@RestController
@RequestMapping("/api/v1/session/{sessionId}")
@Tag(name = "Payment links")
class PaymentLinkController {

	private final PaymentLinkService payments;
	private final SessionService sessions;

	PaymentLinkController(PaymentLinkService payments, SessionService sessions) {
		this.payments = payments;
		this.sessions = sessions;
	}

	@PostMapping("/payment-link")
	@Operation(summary = "Expire the session's current payment link and create a new one",
			description = "201 with the new ACTIVE link; 202 while the payment provider is unavailable (the link is"
					+ " retried and follows); 409 when the session is paid, has not ended or is held for an operator;"
					+ " 502 when the provider refused the link; 503 when the current link could not be expired.")
	ResponseEntity<PaymentLinkResponse> recreate(@PathVariable String sessionId, Authentication authentication) {
		authorize(sessionId, authentication);
		PaymentLinkView link = payments.recreate(sessionId, Caller.of(authentication).actor());
		return switch (link.status()) {
			case FAILED -> throw new ApiProblemException(providerProblem(HttpStatus.BAD_GATEWAY, "payment-provider-refused",
					"The payment provider refused the link: " + link.failureReason(), link));
			case PENDING -> ResponseEntity.accepted().body(PaymentLinkResponse.of(link));
			default -> ResponseEntity.created(URI.create("/api/v1/session/" + sessionId + "/payment-links"))
					.body(PaymentLinkResponse.of(link));
		};
	}

	@GetMapping("/payment-links")
	@Operation(summary = "The session's current and past payment links, newest first")
	List<PaymentLinkResponse> list(@PathVariable String sessionId, Authentication authentication) {
		authorize(sessionId, authentication);
		return payments.linksOf(sessionId).stream().map(PaymentLinkResponse::of).toList();
	}

	@ExceptionHandler(UnknownSessionException.class)
	ProblemDetail unknownSession(UnknownSessionException e) {
		return ProblemType.NOT_FOUND.problem(e.getMessage());
	}

	@ExceptionHandler({ SessionAlreadyPaidException.class, SessionNotBillableException.class })
	ProblemDetail conflict(RuntimeException e) {
		return ProblemType.CONFLICT.problem(e.getMessage());
	}

	/** Concurrent recreations kept colliding on the one-live-link constraint: the client may simply try again. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail concurrentChange(DataIntegrityViolationException e) {
		return ProblemType.CONFLICT.problem("The session's payment link changed concurrently; try again");
	}

	@ExceptionHandler(PaymentProviderUnavailableException.class)
	ResponseEntity<ProblemDetail> providerUnavailable(PaymentProviderUnavailableException e) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body(providerProblem(HttpStatus.SERVICE_UNAVAILABLE, "payment-provider-unavailable", e.getMessage(), null));
	}

	/** Owner or operator; a session without an owner (recorded before sessions had one) is an operator's. */
	private void authorize(String sessionId, Authentication authentication) {
		SessionView session = sessions.find(sessionId).orElseThrow(() -> new UnknownSessionException(sessionId));
		Caller caller = Caller.of(authentication);
		if (session.userId() == null && !caller.operator()) {
			throw new AccessDeniedException("Session " + sessionId + " has no owner; only an operator may see it");
		}
		if (session.userId() != null) {
			caller.requireSelfOrOperator(session.userId());
		}
	}

	private static ProblemDetail providerProblem(HttpStatus status, String type, String detail,
			@org.jspecify.annotations.Nullable PaymentLinkView link) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(ProblemType.BASE + type));
		problem.setTitle(status == HttpStatus.BAD_GATEWAY ? "Payment provider refused the request"
				: "Payment provider unavailable");
		if (link != null) {
			problem.setProperty("paymentLinkId", link.id());
		}
		return problem;
	}
}
