package io.chargepay.csms.web;

import java.util.List;
import java.util.stream.Collectors;

import io.chargepay.csms.charger.ChargerAlreadyExistsException;
import io.chargepay.csms.charger.InvalidAuthorizationKeyException;
import io.chargepay.csms.charger.UnknownChargerException;
import io.chargepay.csms.identity.IdentityConflictException;
import io.chargepay.csms.identity.IdentityNotFoundException;
import io.chargepay.csms.identity.InvalidIdTagException;
import io.chargepay.csms.identity.InvalidWalletAddressException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Every error leaves as an RFC 9457 problem with a stable type; nothing internal (stack, SQL) reaches the client. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler({ UnknownChargerException.class, IdentityNotFoundException.class, NotFoundException.class })
	ProblemDetail notFound(RuntimeException e) {
		return ProblemType.NOT_FOUND.problem(e.getMessage());
	}

	@ExceptionHandler({ ChargerAlreadyExistsException.class, IdentityConflictException.class })
	ProblemDetail conflict(RuntimeException e) {
		return ProblemType.CONFLICT.problem(e.getMessage());
	}

	@ExceptionHandler({ InvalidAuthorizationKeyException.class, InvalidWalletAddressException.class,
			InvalidIdTagException.class })
	ProblemDetail invalid(RuntimeException e) {
		return ProblemType.VALIDATION.problem(e.getMessage());
	}

	@ExceptionHandler({ io.chargepay.csms.balance.InvalidWalletAddressException.class,
			io.chargepay.csms.balance.UnknownChainException.class })
	ProblemDetail invalidWallet(RuntimeException e) {
		return ProblemType.VALIDATION.problem(e.getMessage());
	}

	@ExceptionHandler(io.chargepay.csms.session.ConnectorBusyException.class)
	ProblemDetail connectorBusy(RuntimeException e) {
		return ProblemType.CONNECTOR_BUSY.problem(e.getMessage());
	}

	@ExceptionHandler(io.chargepay.csms.session.SessionOwnershipException.class)
	ProblemDetail notTheOwner(RuntimeException e) {
		return ProblemType.FORBIDDEN.problem(e.getMessage());
	}

	@ExceptionHandler(io.chargepay.csms.session.WalletNotOwnedException.class)
	ProblemDetail walletNotOwned(RuntimeException e) {
		return ProblemType.WALLET_NOT_OWNED.problem(e.getMessage());
	}

	@ExceptionHandler(io.chargepay.csms.session.SessionNotActiveException.class)
	ProblemDetail notActive(RuntimeException e) {
		return ProblemType.CONFLICT.problem(e.getMessage());
	}

	@ExceptionHandler(io.chargepay.csms.session.UnknownSessionException.class)
	ProblemDetail unknownSession(RuntimeException e) {
		return ProblemType.NOT_FOUND.problem(e.getMessage());
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e) {
		return ProblemType.FORBIDDEN.problem(e.getMessage());
	}

	@ExceptionHandler(ApiProblemException.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblemException e) {
		return ResponseEntity.status(e.problem().getStatus()).body(e.problem());
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ProblemDetail tooLarge(PayloadTooLargeException e) {
		return ProblemType.PAYLOAD_TOO_LARGE.problem(e.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unhandled error", e);
		return ProblemType.INTERNAL.problem("The request could not be processed");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
				.map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
				.toList();
		return validationProblem(errors, headers);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = ex.getParameterValidationResults().stream()
				.flatMap(result -> result.getResolvableErrors().stream()
						.map(error -> new FieldError(result.getMethodParameter().getParameterName(),
								error.getDefaultMessage())))
				.toList();
		return validationProblem(errors, headers);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof PayloadTooLargeException tooLarge) {
				return ResponseEntity.status(ProblemType.PAYLOAD_TOO_LARGE.status()).headers(headers)
						.body(ProblemType.PAYLOAD_TOO_LARGE.problem(tooLarge.getMessage()));
			}
		}
		ProblemDetail problem = ProblemType.MALFORMED_REQUEST.problem("Request body is not valid JSON for this endpoint");
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = jsonPath(jackson.getPath());
			problem.setDetail("Field '" + field + "' has a value of the wrong type or format");
			problem.setProperty("errors", List.of(new FieldError(field, "wrong type or format")));
		}
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	/** Gives the Spring MVC exceptions this class handles (404, 405, 415, ...) our stable types. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			ProblemType type = ProblemType.forStatus(statusCode.value());
			problem.setType(type.uri());
		}
		return response;
	}

	private static ResponseEntity<Object> validationProblem(List<FieldError> errors, HttpHeaders headers) {
		ProblemDetail problem = ProblemType.VALIDATION.problem(errors.stream()
				.map(error -> error.field() + ": " + error.reason())
				.collect(Collectors.joining("; ")));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

	private static String jsonPath(List<JacksonException.Reference> path) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}
}
