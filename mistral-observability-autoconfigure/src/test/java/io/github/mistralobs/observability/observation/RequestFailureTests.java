package io.github.mistralobs.observability.observation;

import java.io.IOException;
import java.net.SocketTimeoutException;

import io.github.mistralobs.observability.metrics.ErrorType;
import io.github.mistralobs.observability.metrics.StatusCodes;
import org.junit.jupiter.api.Test;

import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestFailure}.
 */
class RequestFailureTests {

	@Test
	void readsTheStatusThatSpringAiPutsInTheMessage() {
		assertThat(RequestFailure.of(new NonTransientAiException("HTTP 429 - {\"message\":\"slow down\"}")))
			.isEqualTo(new RequestFailure(429, ErrorType.RATE_LIMITED));
		assertThat(RequestFailure.of(new NonTransientAiException("403 - forbidden")))
			.isEqualTo(new RequestFailure(403, ErrorType.AUTH));
		assertThat(RequestFailure.of(new TransientAiException("HTTP 502 - bad gateway")))
			.isEqualTo(new RequestFailure(502, ErrorType.SERVER));
		assertThat(RequestFailure.of(new NonTransientAiException("HTTP 422 - invalid")))
			.isEqualTo(new RequestFailure(422, ErrorType.CLIENT));
	}

	@Test
	void readsTheStatusOfAStreamsResponseException() {
		assertThat(RequestFailure
			.of(WebClientResponseException.create(HttpStatus.UNAUTHORIZED, "Unauthorized", null, null, null, null)))
			.isEqualTo(new RequestFailure(401, ErrorType.AUTH));
	}

	@Test
	void streamCutOffAfterItsOkStatusIsAnIoErrorWithNoStatusCode() {
		WebClientResponseException cutOff = new WebClientResponseException("200 OK, but response failed", 200, "OK",
				null, null, null);
		cutOff.initCause(new IOException("Connection prematurely closed DURING response"));
		assertThat(RequestFailure.of(cutOff)).isEqualTo(new RequestFailure(StatusCodes.NONE, ErrorType.IO));
	}

	@Test
	void tellsTimeoutsFromOtherTransportFailures() {
		assertThat(RequestFailure.of(new ResourceAccessException("I/O", new SocketTimeoutException("read"))))
			.isEqualTo(new RequestFailure(StatusCodes.NONE, ErrorType.TIMEOUT));
		assertThat(RequestFailure.of(new ResourceAccessException("I/O", new IOException("reset"))))
			.isEqualTo(new RequestFailure(StatusCodes.NONE, ErrorType.IO));
		assertThat(RequestFailure.of(new IllegalStateException("no idea")))
			.isEqualTo(new RequestFailure(StatusCodes.NONE, ErrorType.UNKNOWN));
	}

	@Test
	void doesNotTakeANumberFromTheBodyForAStatus() {
		assertThat(RequestFailure.of(new NonTransientAiException("quota of 500 - exceeded")).statusCode())
			.isEqualTo(StatusCodes.NONE);
	}

}
