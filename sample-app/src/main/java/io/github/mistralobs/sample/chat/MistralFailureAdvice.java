package io.github.mistralobs.sample.chat;

import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClientException;

/**
 * Turns a failed Mistral call into a 502 Bad Gateway problem instead of a bare 500, so a
 * curl user sees that the upstream API failed.
 */
@RestControllerAdvice
class MistralFailureAdvice {

	@ExceptionHandler({ TransientAiException.class, NonTransientAiException.class, RestClientException.class })
	ProblemDetail mistralCallFailed(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_GATEWAY);
		problem.setTitle("The Mistral API call failed");
		problem.setDetail(ex.getMessage());
		return problem;
	}

}
