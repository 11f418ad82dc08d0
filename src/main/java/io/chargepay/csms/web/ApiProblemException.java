package io.chargepay.csms.web;

import org.springframework.http.ProblemDetail;

/** Ends a request with a prepared problem (status, type and extra properties such as balanceCheckId). */
class ApiProblemException extends RuntimeException {

	private final ProblemDetail problem;

	ApiProblemException(ProblemDetail problem) {
		super(problem.getDetail(), null, false, false);
		this.problem = problem;
	}

	ProblemDetail problem() {
		return problem;
	}
}
