package io.github.mistralobs.sample.simulator;

import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * Error answers shaped like Mistral's: an {@code error} object with a message and a type,
 * plus the rate-limit headers on 429.
 */
final class SimulatedErrors {

	private SimulatedErrors() {
	}

	static ResponseDefinition forOutcome(SimulatedOutcome outcome, double latencyScale) {
		return switch (outcome) {
			case UNAUTHORIZED -> unauthorized();
			case RATE_LIMITED -> rateLimited(latencyScale);
			default -> serverError(latencyScale);
		};
	}

	static ResponseDefinition unauthorized() {
		return error(401, "authentication_error", "Unauthorized").build();
	}

	static ResponseDefinition badRequest(String message) {
		return error(400, "invalid_request_error", message).build();
	}

	private static ResponseDefinition rateLimited(double latencyScale) {
		return error(429, "rate_limit_error", "Requests rate limit exceeded")
			.withFixedDelay((int) Math.round(40 * latencyScale))
			.build();
	}

	private static ResponseDefinition serverError(double latencyScale) {
		int[] statuses = { 500, 502, 503 };
		int status = statuses[ThreadLocalRandom.current().nextInt(statuses.length)];
		int delay = (int) Math.round(ThreadLocalRandom.current().nextInt(50, 1500) * latencyScale);
		return error(status, "server_error", "Service temporarily unavailable").withFixedDelay(delay).build();
	}

	private static ResponseDefinitionBuilder error(int status, String type, String message) {
		String body = """
				{"object":"error","message":"%s","type":"%s","param":null,"code":"%d"}""".formatted(message, type,
				status);
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(body);
	}

}
