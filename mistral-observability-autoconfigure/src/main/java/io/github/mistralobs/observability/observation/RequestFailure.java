package io.github.mistralobs.observability.observation;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.mistralobs.observability.metrics.ErrorType;
import io.github.mistralobs.observability.metrics.StatusCodes;

import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * What a failed request's exception says about it: the HTTP error status, if one came,
 * and the type of error; a stream cut off after its 200 has none, and is a transport
 * failure. Spring AI's error handlers put the status only in the message of the
 * exceptions they throw ({@code "HTTP 429 - ..."} or {@code "429 - ..."}); only that
 * leading number is read, never the rest, which quotes the API's answer.
 *
 * @param statusCode the HTTP error status (400 and above), or {@link StatusCodes#NONE}
 * @param type the type of error
 */
public record RequestFailure(int statusCode, ErrorType type) {

	private static final Pattern STATUS_PREFIX = Pattern.compile("^(?:HTTP )?([1-5]\\d\\d) - ");

	private static final boolean webClientPresent = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.client.WebClientResponseException",
			RequestFailure.class.getClassLoader());

	private static final int MAX_CAUSES = 16;

	/**
	 * Classify a failure.
	 * @param failure the exception that ended the request
	 * @return the classification
	 */
	public static RequestFailure of(Throwable failure) {
		int statusCode = statusCode(failure);
		if (statusCode != StatusCodes.NONE) {
			return new RequestFailure(statusCode, ErrorType.forStatus(statusCode));
		}
		return new RequestFailure(StatusCodes.NONE, transportErrorType(failure));
	}

	private static int statusCode(Throwable failure) {
		Throwable candidate = failure;
		for (int depth = 0; candidate != null && depth < MAX_CAUSES; depth++) {
			int statusCode = ownStatusCode(candidate);
			// A stream cut off after its 200 fails with that 200: it is no error status
			if (statusCode >= 400) {
				return statusCode;
			}
			candidate = candidate.getCause();
		}
		return StatusCodes.NONE;
	}

	private static int ownStatusCode(Throwable failure) {
		if (failure instanceof NonTransientAiException || failure instanceof TransientAiException) {
			String message = failure.getMessage();
			Matcher matcher = (message != null) ? STATUS_PREFIX.matcher(message) : null;
			return (matcher != null && matcher.find()) ? Integer.parseInt(matcher.group(1)) : StatusCodes.NONE;
		}
		if (failure instanceof RestClientResponseException responseException) {
			return responseException.getStatusCode().value();
		}
		return webClientPresent ? WebClientStatus.of(failure) : StatusCodes.NONE;
	}

	private static ErrorType transportErrorType(Throwable failure) {
		boolean io = false;
		Throwable candidate = failure;
		for (int depth = 0; candidate != null && depth < MAX_CAUSES; depth++) {
			if (candidate instanceof TimeoutException || candidate instanceof java.net.SocketTimeoutException
					|| candidate instanceof java.net.http.HttpTimeoutException
					|| candidate.getClass().getSimpleName().contains("Timeout")) {
				return ErrorType.TIMEOUT;
			}
			io = io || candidate instanceof IOException;
			candidate = candidate.getCause();
		}
		return io ? ErrorType.IO : ErrorType.UNKNOWN;
	}

	/**
	 * Reads WebFlux's exceptions, kept apart so that WebFlux stays optional.
	 */
	private static final class WebClientStatus {

		static int of(Throwable failure) {
			return (failure instanceof WebClientResponseException responseException)
					? responseException.getStatusCode().value() : StatusCodes.NONE;
		}

	}

}
