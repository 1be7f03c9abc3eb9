package io.github.mistralobs.observability.integration;

import java.util.List;

import io.github.mistralobs.observability.test.MistralApiStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * One log event per API request, whose plain-text message tells the whole story.
 */
@ExtendWith(OutputCaptureExtension.class)
class MistralRequestLogTests extends MistralIntegrationTest {

	private static final String LOGGER = "observability.requests ";

	@Autowired
	private ChatModel chatModel;

	@Autowired
	private EmbeddingModel embeddingModel;

	@Test
	void successfulCallLogsOneInfoEventWithTokensCostAndRequestId(CapturedOutput output) {
		mistral.chat("mistral-small-latest", "Bonjour", 12, 5);
		this.chatModel.call(new Prompt("Say hello"));
		assertThat(requestEvents(output)).singleElement()
			.asString()
			.contains(" INFO ")
			.contains("Mistral chat.complete request to mistral-small-latest succeeded in ")
			.contains(": 12 input and 5 output tokens, 0.0000027 USD, request id cmpl-1");
	}

	@Test
	void failedCallLogsOneWarnEventWithStatusAndType(CapturedOutput output) {
		mistral.chatError("test-log-429", false, 429, "Requests rate limit exceeded");
		assertThatException().isThrownBy(() -> call("test-log-429"));
		assertThat(requestEvents(output)).singleElement()
			.asString()
			.contains(" WARN ")
			.contains("Mistral chat.complete request to test-log-429 failed with HTTP 429 (rate_limited) in ")
			.contains(": 0 input and 0 output tokens, no price")
			.doesNotContain("Requests rate limit exceeded");
	}

	@Test
	void retriedCallLogsItsAttempts(CapturedOutput output) {
		mistral.chatSequence("test-log-retry", List.of(aResponse().withStatus(502),
				MistralApiStub.json(MistralApiStub.completion("test-log-retry", "Done", 3, 2))));
		call("test-log-retry");
		assertThat(requestEvents(output)).singleElement()
			.asString()
			.contains("test-log-retry succeeded in ")
			.contains(" after 2 attempts: 3 input and 2 output tokens");
	}

	@Test
	void streamLogsItsTokensFromTheLastChunk(CapturedOutput output) {
		mistral.stream("mistral-small-latest", List.of("a", "b"), 21, 9);
		this.chatModel.stream(new Prompt("Hi")).blockLast();
		assertThat(awaitRequestEvents(output, 1)).singleElement()
			.asString()
			.contains("Mistral chat.stream request to mistral-small-latest succeeded in ")
			.contains(": 21 input and 9 output tokens, 0.0000048 USD, request id chunk-1");
	}

	@Test
	void embeddingLogsItsInputTokens(CapturedOutput output) {
		mistral.embeddings("mistral-embed", 64);
		this.embeddingModel.embed("text");
		assertThat(requestEvents(output)).singleElement()
			.asString()
			.contains("Mistral embeddings request to mistral-embed succeeded in ")
			.contains(": 64 input and 0 output tokens, 0.0000064 USD");
	}

	private static List<String> requestEvents(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> line.contains(LOGGER)).toList();
	}

	private static List<String> awaitRequestEvents(CapturedOutput output, int count) {
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (requestEvents(output).size() < count && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		return requestEvents(output);
	}

}
