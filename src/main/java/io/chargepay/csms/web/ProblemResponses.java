package io.chargepay.csms.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem bodies for what Spring Security refuses before a controller runs; the bearer handlers still set the
 * {@code WWW-Authenticate: Bearer} challenge (RFC 6750).
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
	private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		challenge.commence(request, response, failure);
		write(response, request, ProblemType.UNAUTHORIZED.problem("A valid bearer token is required"));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException failure)
			throws IOException {
		denied.handle(request, response, failure);
		write(response, request, ProblemType.FORBIDDEN.problem("The token does not allow this request"));
	}

	void write(HttpServletResponse response, HttpServletRequest request, ProblemDetail problem) throws IOException {
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
