package io.chargepay.csms.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.chargepay.csms.payment.PaymentLinkService;
import io.chargepay.csms.payment.PaymentLinkStatus;
import io.chargepay.csms.payment.PaymentLinkView;
import io.chargepay.csms.session.Actor;
import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.session.SessionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's charging sessions with their payment links (the specification's "Get User Sessions"). */
@RestController
@Tag(name = "Sessions")
class UserSessionsController {

	record UserSession(String sessionId, String status, String chargerId, int connectorId,
			@Nullable Integer transactionId, String idTag, @Nullable Instant startedAt, @Nullable Instant stoppedAt,
			@Nullable Long energyWh, @Nullable BigDecimal amount, @Nullable String currency, boolean billingHold,
			@Nullable String balanceCheckId, @Nullable String failureReason, @Nullable String metadata,
			Instant createdAt, @Nullable Actor startedBy, @Nullable Actor stoppedBy,
			@Nullable PaymentLinkResponse paymentLink, List<PaymentLinkResponse> paymentLinks) {
	}

	private final SessionService sessions;
	private final PaymentLinkService payments;

	UserSessionsController(SessionService sessions, PaymentLinkService payments) {
		this.sessions = sessions;
		this.payments = payments;
	}

	@GetMapping("/api/v1/user/{userId}/sessions")
	@Operation(summary = "A user's sessions, newest first, each with its current and past payment links "
			+ "(the user or an operator)")
	PageResponse<UserSession> sessions(@PathVariable String userId, Authentication authentication,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
		Caller.of(authentication).requireSelfOrOperator(userId);
		Page<SessionView> found = sessions.history(userId, page, size);
		Map<String, List<PaymentLinkView>> links = payments.linksOf(
				found.getContent().stream().map(SessionView::sessionId).toList());
		return PageResponse.of(found, session -> withLinks(session, links.getOrDefault(session.sessionId(), List.of())));
	}

	/** The link of record: the live one, else the newest. */
	private static UserSession withLinks(SessionView session, List<PaymentLinkView> links) {
		PaymentLinkView current = links.stream().filter(link -> link.status() == PaymentLinkStatus.ACTIVE
				|| link.status() == PaymentLinkStatus.PAID).findFirst().orElse(links.isEmpty() ? null : links.get(0));
		return new UserSession(session.sessionId(), session.status().name(), session.chargerId(),
				session.connectorId(), session.transactionId(), session.idTag(), session.startedAt(),
				session.stoppedAt(), session.energyWh(), session.amount() == null ? null : session.amount().amount(),
				session.amount() == null ? null : session.amount().currency(), session.billingHold(),
				session.balanceCheckId(), session.failureReason(), session.metadata(), session.createdAt(),
				session.startedBy(), session.stoppedBy(), current == null ? null : PaymentLinkResponse.of(current),
				links.stream().map(PaymentLinkResponse::of).toList());
	}
}
