package io.chargepay.csms.web;

import io.chargepay.csms.session.SessionService;
import io.chargepay.csms.session.SessionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Charging sessions as their owners and operators see them. */
@RestController
@Tag(name = "Sessions")
class SessionController {

	private final SessionService sessions;

	SessionController(SessionService sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/api/v1/session/{sessionId}")
	@Operation(summary = "One session (its owner or an operator)")
	SessionView get(@PathVariable String sessionId, Authentication authentication) {
		return owned(sessionId, Caller.of(authentication));
	}

	@GetMapping("/api/v1/sessions")
	@Operation(summary = "All sessions, newest first (operators); unassigned=true lists those no user is associated with")
	PageResponse<SessionView> all(@RequestParam(defaultValue = "false") boolean unassigned,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
		return PageResponse.of(sessions.all(unassigned, page, size), view -> view);
	}

	SessionView owned(String sessionId, Caller caller) {
		SessionView session = sessions.find(sessionId)
				.orElseThrow(() -> new NotFoundException("Session " + sessionId + " does not exist"));
		if (!caller.operator() && !caller.userId().equals(session.userId())) {
			throw new org.springframework.security.access.AccessDeniedException("Not your session");
		}
		return session;
	}
}
