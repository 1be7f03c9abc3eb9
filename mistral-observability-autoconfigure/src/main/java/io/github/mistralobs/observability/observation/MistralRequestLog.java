package io.github.mistralobs.observability.observation;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import io.github.mistralobs.observability.metrics.LogSafe;
import io.github.mistralobs.observability.metrics.RequestStatus;
import io.github.mistralobs.observability.metrics.StatusCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Writes one log event per Mistral API request: a sentence for people, and key-values
 * that Spring Boot's structured logging renders as fields. Successes log at INFO,
 * failures at WARN, under the logger {@value #LOGGER_NAME}. The event carries no prompt,
 * completion, tool argument or API key: only what the metrics carry, plus the API's
 * response id and the attempts. With tracing, the request's span is current while the
 * event is written, so the trace and span ids that Spring Boot puts in every log line are
 * the request's own.
 */
public final class MistralRequestLog {

	/**
	 * The logger name, to route or silence the events.
	 */
	public static final String LOGGER_NAME = "io.github.mistralobs.observability.requests";

	private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

	private static final int MESSAGE_CAPACITY = 192;

	/**
	 * Log a request's outcome, if the level is enabled.
	 * @param outcome the outcome
	 */
	public void log(RequestOutcome outcome) {
		boolean failed = outcome.status() == RequestStatus.ERROR;
		if (failed ? !logger.isWarnEnabled() : !logger.isInfoEnabled()) {
			return;
		}
		long durationMillis = TimeUnit.NANOSECONDS.toMillis(outcome.durationNanos());
		String cost = (outcome.costInPicoUsd() >= 0) ? usd(outcome.costInPicoUsd()).toPlainString() : null;
		String requestId = (outcome.requestId() != null) ? LogSafe.text(outcome.requestId()) : null;
		LoggingEventBuilder event = (failed ? logger.atWarn() : logger.atInfo())
			.setMessage(message(outcome, durationMillis, cost, requestId))
			.addKeyValue("mistral.model", LogSafe.text(outcome.modelTag()))
			.addKeyValue("mistral.endpoint", outcome.endpoint().tagValue())
			.addKeyValue("mistral.status", outcome.status().tagValue())
			.addKeyValue("mistral.duration_ms", durationMillis)
			.addKeyValue("mistral.tokens.input", outcome.tokens().input())
			.addKeyValue("mistral.tokens.output", outcome.tokens().output())
			.addKeyValue("mistral.attempts", outcome.attempts());
		if (outcome.statusCode() != StatusCodes.NONE) {
			event = event.addKeyValue("mistral.status_code", outcome.statusCode());
		}
		if (outcome.errorType() != null) {
			event = event.addKeyValue("mistral.error_type", outcome.errorType().tagValue());
		}
		if (cost != null) {
			event = event.addKeyValue("mistral.cost_usd", cost);
		}
		if (requestId != null) {
			event = event.addKeyValue("mistral.request_id", requestId);
		}
		if (outcome.attributionTag() != null) {
			event = event.addKeyValue("mistral.attribution", LogSafe.text(outcome.attributionTag()));
		}
		event.log();
	}

	private static String message(RequestOutcome outcome, long durationMillis, String cost, String requestId) {
		StringBuilder message = new StringBuilder(MESSAGE_CAPACITY).append("Mistral ")
			.append(outcome.endpoint().tagValue())
			.append(" request to ")
			.append(LogSafe.text(outcome.modelTag()));
		switch (outcome.status()) {
			case SUCCESS -> message.append(" succeeded");
			case CANCELLED -> message.append(" was cancelled");
			case ERROR -> message.append(" failed with ")
				.append((outcome.statusCode() != StatusCodes.NONE) ? "HTTP " + outcome.statusCode() : "no response")
				.append(" (")
				.append(outcome.errorType().tagValue())
				.append(")");
		}
		message.append(" in ").append(durationMillis).append(" ms");
		if (outcome.attempts() > 1) {
			message.append(" after ").append(outcome.attempts()).append(" attempts");
		}
		message.append(": ")
			.append(outcome.tokens().input())
			.append(" input and ")
			.append(outcome.tokens().output())
			.append(" output tokens, ")
			.append((cost != null) ? cost + " USD" : "no price");
		if (requestId != null) {
			message.append(", request id ").append(requestId);
		}
		return message.toString();
	}

	private static BigDecimal usd(long picoUsd) {
		return BigDecimal.valueOf(picoUsd, 12).stripTrailingZeros();
	}

}
