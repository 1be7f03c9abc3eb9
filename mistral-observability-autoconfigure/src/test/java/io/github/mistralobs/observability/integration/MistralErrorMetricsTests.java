package io.github.mistralobs.observability.integration;

import java.util.List;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.mistralobs.observability.test.MistralApiStub;
import io.github.mistralobs.observability.test.PrometheusScrape;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Failed requests, retried attempts and broken connections, each counted once with its
 * status code and error type.
 */
class MistralErrorMetricsTests extends MistralIntegrationTest {

	@Autowired
	private ChatModel chatModel;

	@Test
	void unauthorisedCallIsOneAuthErrorAndIsNotRetried() {
		mistral.chatError("test-err-401", false, 401, "Unauthorized");
		PrometheusScrape before = scrape();
		assertThatException().isThrownBy(() -> call("test-err-401"));
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "model", "test-err-401", "endpoint", "chat.complete",
				"status", "error"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_errors_total", "model", "test-err-401", "endpoint", "chat.complete",
				"status_code", "401", "error_type", "auth"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "401"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "test-err-401")).isZero();
	}

	@Test
	void rateLimitedCallIsNotRetriedByDefault() {
		mistral.chatError("test-err-429", false, 429, "Requests rate limit exceeded");
		PrometheusScrape before = scrape();
		assertThatException().isThrownBy(() -> call("test-err-429"));
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_errors_total", "model", "test-err-429", "status_code", "429",
				"error_type", "rate_limited"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "429"))
			.isEqualTo(1);
	}

	@Test
	void serverErrorThatARetryHidesIsOneSuccessfulRequestWithTwoAttempts() {
		mistral.chatSequence("test-retry-ok",
				List.of(aResponse().withStatus(503).withBody("{\"object\":\"error\",\"message\":\"busy\"}"),
						MistralApiStub.json(MistralApiStub.completion("test-retry-ok", "Done", 40, 8))));
		PrometheusScrape before = scrape();
		assertThat(call("test-retry-ok")).isEqualTo("Done");
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "model", "test-retry-ok", "status", "success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "model", "test-retry-ok", "status", "error"))
			.isZero();
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "503"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "200"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_tokens_total", "model", "test-retry-ok", "direction", "input"))
			.isEqualTo(40);
	}

	@Test
	void serverErrorOnEveryAttemptIsOneServerErrorAfterAllAttempts() {
		mistral.chatError("test-err-503", false, 503, "Service unavailable");
		PrometheusScrape before = scrape();
		assertThatException().isThrownBy(() -> call("test-err-503"));
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "model", "test-err-503", "status", "error"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_errors_total", "model", "test-err-503", "status_code", "503",
				"error_type", "server"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "503"))
			.as("spring.ai.retry.max-attempts=3")
			.isEqualTo(3);
	}

	@Test
	void connectionResetIsAnIoErrorWithNoStatusCode() {
		mistral.chatFault("test-err-reset", false, Fault.CONNECTION_RESET_BY_PEER);
		PrometheusScrape before = scrape();
		assertThatException().isThrownBy(() -> call("test-err-reset"));
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "model", "test-err-reset", "status", "error"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_errors_total", "model", "test-err-reset", "status_code", "none",
				"error_type", "io"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "none"))
			.isEqualTo(3);
	}

	@Test
	void unauthorisedStreamIsOneAuthErrorOnTheStreamEndpoint() {
		mistral.chatError("test-err-stream", true, 401, "Unauthorized");
		PrometheusScrape before = scrape();
		assertThatException().isThrownBy(() -> this.chatModel
			.stream(new Prompt("Hi", MistralAiChatOptions.builder().model("test-err-stream").build()))
			.blockLast());
		PrometheusScrape after = awaitScrape(before, 1, "mistral_requests_total", "endpoint", "chat.stream");
		assertThat(delta(before, after, "mistral_requests_total", "model", "test-err-stream", "endpoint", "chat.stream",
				"status", "error"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_errors_total", "model", "test-err-stream", "endpoint", "chat.stream",
				"status_code", "401", "error_type", "auth"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.stream", "status_code", "401"))
			.isEqualTo(1);
	}

}
