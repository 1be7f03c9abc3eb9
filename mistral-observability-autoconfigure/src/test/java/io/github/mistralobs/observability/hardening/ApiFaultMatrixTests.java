package io.github.mistralobs.observability.hardening;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.mistralobs.observability.integration.MistralIntegrationTest;
import io.github.mistralobs.observability.test.MistralApiStub;
import io.github.mistralobs.observability.test.MistralApiStub.Usage;
import io.github.mistralobs.observability.test.PrometheusScrape;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way the Mistral API can fail a call or a stream, each through Spring AI's real
 * client: exactly one request counted with its status, status code and error type, one
 * attempt per HTTP exchange, and tokens only when usage arrived. The clients time out
 * reads after {@value #READ_TIMEOUT_MILLIS} ms, Spring AI tries a call at most three
 * times, and each case has a model of its own (so the model limit is raised above their
 * number).
 */
@TestPropertySource(properties = { "spring.http.client.read-timeout=" + ApiFaultMatrixTests.READ_TIMEOUT_MILLIS + "ms",
		"spring.http.reactiveclient.read-timeout=" + ApiFaultMatrixTests.READ_TIMEOUT_MILLIS + "ms",
		"mistral.observability.cardinality.max-models=100" })
class ApiFaultMatrixTests extends MistralIntegrationTest {

	static final int READ_TIMEOUT_MILLIS = 1000;

	private static final int ATTEMPTS = 3;

	private static final List<String> CHUNKS = List.of("Bon", "jour", " à", " vous");

	@Autowired
	private ChatModel chatModel;

	private static boolean warmedUp;

	/**
	 * Send one call and one stream before the first case: the first exchange of a cold
	 * JVM can take longer than the read timeout, which would add an attempt.
	 */
	@BeforeEach
	void warmUp() {
		if (!warmedUp) {
			mistral.chat("fault-warm-up", "Ready", 1, 1);
			mistral.stream("fault-warm-up", CHUNKS, 1, 1);
			this.chatModel.call(prompt("fault-warm-up"));
			this.chatModel.stream(prompt("fault-warm-up")).blockLast(Duration.ofSeconds(10));
			warmedUp = true;
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("calls")
	void callIsCountedOnceWhateverTheApiDoes(String name, Consumer<String> stub, Outcome expected) {
		String model = "fault-call-" + name.replaceAll("\\W+", "-");
		stub.accept(model);
		PrometheusScrape before = scrape();
		Throwable failure = null;
		ChatResponse response = null;
		try {
			response = this.chatModel.call(prompt(model));
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		PrometheusScrape after = scrape();
		assertCaller(expected, failure);
		if (expected.failure() == null) {
			assertThat(text(response)).isEqualTo(expected.answer());
		}
		assertCounted(before, after, model, "chat.complete", expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("streams")
	void streamIsCountedOnceWhateverTheApiDoes(String name, Consumer<String> stub, Outcome expected) {
		String model = "fault-stream-" + name.replaceAll("\\W+", "-");
		stub.accept(model);
		PrometheusScrape before = scrape();
		Throwable failure = null;
		List<ChatResponse> chunks = null;
		try {
			chunks = this.chatModel.stream(prompt(model))
				.take(expected.status().equals("cancelled") ? 1 : Long.MAX_VALUE)
				.collectList()
				.block(Duration.ofSeconds(10));
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		PrometheusScrape after = scrapeOnceGrown(before, "mistral_requests_total", "model", model);
		assertCaller(expected, failure);
		if (expected.failure() == null) {
			assertThat(chunks.stream().map(ApiFaultMatrixTests::text).reduce("", String::concat))
				.isEqualTo(expected.answer());
		}
		assertCounted(before, after, model, "chat.stream", expected);
	}

	static Stream<Arguments> calls() {
		List<Arguments> cases = new ArrayList<>();
		cases.add(Arguments.of("200 with usage", stub((model) -> mistral.chat(model, "Bonjour", 12, 5)),
				Outcome.success(Map.of("200", 1), 12, 5, "Bonjour")));
		for (int status : List.of(400, 401, 403, 404, 422, 429)) {
			cases.add(Arguments.of("HTTP " + status, apiError(status, false),
					Outcome.error(status, Map.of(Integer.toString(status), 1), NonTransientAiException.class)));
		}
		for (int status : List.of(500, 502, 503, 504)) {
			cases.add(Arguments.of("HTTP " + status + " on every attempt", apiError(status, false),
					Outcome.error(status, Map.of(Integer.toString(status), ATTEMPTS), TransientAiException.class)));
		}
		cases.add(Arguments.of("connection reset", fault(Fault.CONNECTION_RESET_BY_PEER, false),
				Outcome.error("none", "io", Map.of("none", ATTEMPTS), ResourceAccessException.class)));
		cases.add(Arguments.of("empty response", fault(Fault.EMPTY_RESPONSE, false),
				Outcome.error("none", "io", Map.of("none", ATTEMPTS), ResourceAccessException.class)));
		cases.add(Arguments.of("200 then a malformed chunk", fault(Fault.MALFORMED_RESPONSE_CHUNK, false),
				Outcome.error("none", "io", Map.of("200", 1), PrematureCloseException.class)));
		cases.add(Arguments.of("200 with a malformed body",
				answer(false, MistralApiStub.json("{\"id\":\"cmpl-1\",\"choices\":[{")),
				Outcome.error("none", "io", Map.of("200", 1), JsonProcessingException.class)));
		cases.add(Arguments.of("200 with an empty body",
				answer(false, aResponse().withStatus(200).withHeader("Content-Type", "application/json")),
				Outcome.success(Map.of("200", 1), 0, 0, "")));
		cases.add(Arguments.of("200 without usage", stub((model) -> mistral.chatWithoutUsage(model, "Bonjour")),
				Outcome.error("none", "unknown", Map.of("200", 1), NullPointerException.class)));
		cases.add(Arguments.of("slower than the read timeout",
				answer(false,
						MistralApiStub.json(MistralApiStub.completion("late", "Late", 1, 1))
							.withFixedDelay(2 * READ_TIMEOUT_MILLIS)),
				Outcome.error("none", "timeout", Map.of("none", ATTEMPTS), ReadTimeoutException.class)));
		return cases.stream();
	}

	static Stream<Arguments> streams() {
		String events = MistralApiStub.streamEvents(null, CHUNKS, new Usage(21, 9));
		List<Arguments> cases = new ArrayList<>();
		cases
			.add(Arguments.of("200 with usage in the last chunk", stub((model) -> mistral.stream(model, CHUNKS, 21, 9)),
					Outcome.success(Map.of("200", 1), 21, 9, "Bonjour à vous")));
		for (int status : List.of(400, 401, 403, 404, 422, 429, 500, 502, 503, 504)) {
			cases.add(Arguments.of("HTTP " + status, apiError(status, true),
					Outcome.error(status, Map.of(Integer.toString(status), 1), WebClientResponseException.class)));
		}
		cases.add(Arguments.of("connection reset", fault(Fault.CONNECTION_RESET_BY_PEER, true),
				Outcome.error("none", "io", Map.of("none", 1), WebClientRequestException.class)));
		cases.add(Arguments.of("empty response", fault(Fault.EMPTY_RESPONSE, true),
				Outcome.error("none", "io", Map.of("none", 1), WebClientRequestException.class)));
		cases.add(Arguments.of("200 then a malformed chunk", fault(Fault.MALFORMED_RESPONSE_CHUNK, true),
				Outcome.error("none", "io", Map.of("200", 1), PrematureCloseException.class)));
		cases.add(Arguments.of("200 then a chunk that is not JSON",
				answer(true,
						MistralApiStub.sse(firstEvents(events, 1) + "data: {\"id\":\"chunk-1\",\"choices\":[\n\n")),
				Outcome.error("none", "io", Map.of("200", 1), JsonProcessingException.class)));
		cases.add(Arguments.of("cut off after two chunks",
				answer(true, MistralApiStub.sse(firstEvents(events, 2))
					.withHeader("Content-Length", Integer.toString(events.getBytes(StandardCharsets.UTF_8).length))),
				Outcome.error("none", "io", Map.of("200", 1), PrematureCloseException.class)));
		cases.add(Arguments.of("200 with an empty body", answer(true, MistralApiStub.sse("")),
				Outcome.success(Map.of("200", 1), 0, 0, "")));
		cases.add(Arguments.of("200 without usage", stub((model) -> mistral.streamWithoutUsage(model, CHUNKS)),
				Outcome.success(Map.of("200", 1), 0, 0, "Bonjour à vous")));
		cases.add(Arguments.of("slower than the read timeout",
				answer(true, MistralApiStub.sse(events).withFixedDelay(2 * READ_TIMEOUT_MILLIS)),
				Outcome.error("none", "timeout", Map.of("none", 1), ReadTimeoutException.class)));
		cases.add(Arguments.of("cancelled by its subscriber after the first chunk",
				stub((model) -> mistral.stream(model, CHUNKS, 21, 9)), Outcome.cancelled(Map.of("200", 1), "Bon")));
		return cases.stream();
	}

	private void assertCaller(Outcome expected, Throwable failure) {
		if (expected.failure() == null) {
			assertThat(failure).as("what the caller got").isNull();
			return;
		}
		assertThat(failure).as("what the caller got").isNotNull();
		List<Throwable> chain = new ArrayList<>();
		for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
			chain.add(cause);
		}
		assertThat(chain).as("the exception the client threw, and its causes")
			.hasAtLeastOneElementOfType(expected.failure());
	}

	private void assertCounted(PrometheusScrape before, PrometheusScrape after, String model, String endpoint,
			Outcome expected) {
		assertThat(delta(before, after, "mistral_requests_total", "model", model)).as("requests").isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "model", model, "endpoint", endpoint, "status",
				expected.status()))
			.as("requests with status %s", expected.status())
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_request_duration_seconds_count", "model", model)).isEqualTo(1);
		boolean error = expected.status().equals("error");
		assertThat(delta(before, after, "mistral_errors_total", "model", model)).as("errors")
			.isEqualTo(error ? 1.0 : 0.0);
		if (error) {
			assertThat(delta(before, after, "mistral_errors_total", "model", model, "endpoint", endpoint, "status_code",
					expected.statusCode(), "error_type", expected.errorType()))
				.as("errors with status_code %s and error_type %s", expected.statusCode(), expected.errorType())
				.isEqualTo(1);
		}
		Set<String> statusCodes = new HashSet<>(expected.attempts().keySet());
		after.matching("mistral_attempts_total", "endpoint", endpoint)
			.forEach((sample) -> statusCodes.add(sample.labels().get("status_code")));
		for (String statusCode : statusCodes) {
			assertThat(delta(before, after, "mistral_attempts_total", "endpoint", endpoint, "status_code", statusCode))
				.as("attempts with status_code %s", statusCode)
				.isEqualTo((double) expected.attempts().getOrDefault(statusCode, 0));
		}
		assertThat(delta(before, after, "mistral_tokens_total", "model", model, "direction", "input"))
			.as("input tokens")
			.isEqualTo((double) expected.inputTokens());
		assertThat(delta(before, after, "mistral_tokens_total", "model", model, "direction", "output"))
			.as("output tokens")
			.isEqualTo((double) expected.outputTokens());
		assertThat(delta(before, after, "mistral_observability_errors_total")).as("failures inside the starter")
			.isZero();
	}

	private static Prompt prompt(String model) {
		return new Prompt("Hi", MistralAiChatOptions.builder().model(model).build());
	}

	private static String text(ChatResponse response) {
		return (response.getResult() != null && response.getResult().getOutput().getText() != null)
				? response.getResult().getOutput().getText() : "";
	}

	private static String firstEvents(String events, int count) {
		int end = 0;
		for (int i = 0; i < count; i++) {
			end = events.indexOf("\n\n", end) + 2;
		}
		return events.substring(0, end);
	}

	private static Consumer<String> stub(Consumer<String> stub) {
		return stub;
	}

	private static Consumer<String> apiError(int status, boolean stream) {
		return (model) -> mistral.chatError(model, stream, status, "Refused with " + status);
	}

	private static Consumer<String> fault(Fault fault, boolean stream) {
		return (model) -> mistral.chatFault(model, stream, fault);
	}

	private static Consumer<String> answer(boolean stream, ResponseDefinitionBuilder response) {
		return (model) -> mistral.answer(model, stream, response);
	}

	/**
	 * What one case must give: the caller's answer or exception, and the counts.
	 */
	record Outcome(String status, String statusCode, String errorType, Map<String, Integer> attempts, int inputTokens,
			int outputTokens, String answer, Class<? extends Throwable> failure) {

		static Outcome success(Map<String, Integer> attempts, int inputTokens, int outputTokens, String answer) {
			return new Outcome("success", null, null, attempts, inputTokens, outputTokens, answer, null);
		}

		static Outcome cancelled(Map<String, Integer> attempts, String answer) {
			return new Outcome("cancelled", null, null, attempts, 0, 0, answer, null);
		}

		static Outcome error(int status, Map<String, Integer> attempts, Class<? extends Throwable> failure) {
			String errorType = switch (status) {
				case 401, 403 -> "auth";
				case 429 -> "rate_limited";
				default -> (status >= 500) ? "server" : "client";
			};
			return error(Integer.toString(status), errorType, attempts, failure);
		}

		static Outcome error(String statusCode, String errorType, Map<String, Integer> attempts,
				Class<? extends Throwable> failure) {
			return new Outcome("error", statusCode, errorType, attempts, 0, 0, null, failure);
		}

		@Override
		public String toString() {
			return this.status + ((this.statusCode != null) ? " " + this.statusCode + " " + this.errorType : "");
		}

	}

}
