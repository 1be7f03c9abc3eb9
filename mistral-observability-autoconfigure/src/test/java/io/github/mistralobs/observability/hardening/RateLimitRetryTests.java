package io.github.mistralobs.observability.hardening;

import java.time.Duration;
import java.util.List;

import io.github.mistralobs.observability.integration.MistralIntegrationTest;
import io.github.mistralobs.observability.test.MistralApiStub;
import io.github.mistralobs.observability.test.PrometheusScrape;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTP 429 when Spring AI retries it ({@code spring.ai.retry.on-http-codes=429}, as
 * Mistral advises): each attempt counted, one request per call. Without the property a
 * 429 is not retried; {@link ApiFaultMatrixTests} covers that.
 */
@TestPropertySource(properties = "spring.ai.retry.on-http-codes=429")
class RateLimitRetryTests extends MistralIntegrationTest {

	@Autowired
	private ChatModel chatModel;

	@Test
	void callRateLimitedOnEveryAttemptIsOneRateLimitedErrorAfterThreeAttempts() {
		mistral.chatError("retry-429-always", false, 429, "Requests rate limit exceeded");
		PrometheusScrape before = scrape();
		assertThatExceptionOfType(TransientAiException.class).isThrownBy(() -> call("retry-429-always"))
			.withMessageStartingWith("HTTP 429 - ");
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "model", "retry-429-always")).isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "model", "retry-429-always", "endpoint",
				"chat.complete", "status", "error"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_errors_total", "model", "retry-429-always")).isEqualTo(1);
		assertThat(delta(before, after, "mistral_errors_total", "model", "retry-429-always", "status_code", "429",
				"error_type", "rate_limited"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "429"))
			.as("spring.ai.retry.max-attempts=3")
			.isEqualTo(3);
		assertThat(delta(before, after, "mistral_attempts_total")).isEqualTo(3);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "retry-429-always")).isZero();
	}

	@Test
	void rateLimitThatARetryHidesIsOneSuccessfulRequestWithBothAttempts() {
		mistral.chatSequence("retry-429-once",
				List.of(aResponse().withStatus(429).withBody("{\"object\":\"error\",\"message\":\"slow down\"}"),
						MistralApiStub.json(MistralApiStub.completion("retry-429-once", "Done", 30, 6))));
		PrometheusScrape before = scrape();
		assertThat(call("retry-429-once")).isEqualTo("Done");
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "model", "retry-429-once")).isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "model", "retry-429-once", "status", "success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_errors_total", "model", "retry-429-once")).isZero();
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "429"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "200"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total")).isEqualTo(2);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "retry-429-once", "direction", "input"))
			.isEqualTo(30);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "retry-429-once", "direction", "output"))
			.isEqualTo(6);
	}

	@Test
	void rateLimitedStreamIsNotRetriedEvenWhenTheCodeIsNamed() {
		mistral.chatError("retry-429-stream", true, 429, "Requests rate limit exceeded");
		PrometheusScrape before = scrape();
		assertThatExceptionOfType(WebClientResponseException.TooManyRequests.class)
			.isThrownBy(() -> this.chatModel.stream(prompt("retry-429-stream")).blockLast(Duration.ofSeconds(10)));
		PrometheusScrape after = scrapeOnceGrown(before, "mistral_requests_total", "model", "retry-429-stream");
		assertThat(delta(before, after, "mistral_requests_total", "model", "retry-429-stream", "endpoint",
				"chat.stream", "status", "error"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_errors_total", "model", "retry-429-stream", "status_code", "429",
				"error_type", "rate_limited"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.stream", "status_code", "429"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total")).isEqualTo(1);
	}

	private static Prompt prompt(String model) {
		return new Prompt("Hi", MistralAiChatOptions.builder().model(model).build());
	}

}
