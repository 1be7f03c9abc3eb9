package io.github.mistralobs.observability.integration;

import java.time.Duration;
import java.util.List;

import io.github.mistralobs.observability.test.MistralApiStub.Usage;
import io.github.mistralobs.observability.test.PrometheusScrape;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mistralai.MistralAiChatModel;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat calls and streams through Spring AI's real Mistral client, metered exactly.
 */
class MistralChatMetricsTests extends MistralIntegrationTest {

	private static final String MODEL = "mistral-small-latest";

	@Autowired
	private ChatModel chatModel;

	@Autowired
	private MistralAiChatModel mistralAiChatModel;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Test
	void chatCallIsCountedOnceWithExactTokensAndCost() {
		mistral.chat(MODEL, "Bonjour", 12, 5);
		PrometheusScrape before = scrape();
		ChatResponse response = this.chatModel.call(new Prompt("Say hello"));
		PrometheusScrape after = scrape();
		assertThat(response.getResult().getOutput().getText()).isEqualTo("Bonjour");
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "endpoint", "chat.complete", "status",
				"success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_request_duration_seconds_count", "model", MODEL, "endpoint",
				"chat.complete", "status", "success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "input")).isEqualTo(12);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "output")).isEqualTo(5);
		// 12 x 0.10 + 5 x 0.30 USD per million tokens
		assertThat(costDeltaInPicoUsd(before, after, MODEL)).isEqualTo(2_700_000L);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.complete", "status_code", "200"))
			.isEqualTo(1);
		assertThat(after.sum("mistral_errors_total")).isEqualTo(before.sum("mistral_errors_total"));
	}

	@Test
	void chatModelInjectedByItsClassIsTheSameMeteredBean() {
		mistral.chat(MODEL, "Salut", 7, 3);
		PrometheusScrape before = scrape();
		this.mistralAiChatModel.call(new Prompt("Say hi"));
		this.chatModel.call(new Prompt("Say hi"));
		PrometheusScrape after = scrape();
		assertThat(this.mistralAiChatModel).isSameAs(this.chatModel);
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "endpoint", "chat.complete", "status",
				"success"))
			.isEqualTo(2);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "input")).isEqualTo(14);
	}

	@Test
	void textOverloadsAreMeteredWithTheirEndpointAndTokens() {
		mistral.chat(MODEL, "Hi there", 6, 2);
		mistral.stream(MODEL, List.of("Hi", " there"), 8, 3);
		PrometheusScrape before = scrape();
		assertThat(this.chatModel.call("Say hi")).isEqualTo("Hi there");
		assertThat(this.chatModel.stream("Say hi").collectList().block()).containsExactly("Hi", " there");
		PrometheusScrape after = awaitScrape(before, 1, "mistral_requests_total", "endpoint", "chat.stream");
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "endpoint", "chat.complete", "status",
				"success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "endpoint", "chat.stream", "status",
				"success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "input")).isEqualTo(14);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "output")).isEqualTo(5);
		assertThat(delta(before, after, "mistral_time_to_first_token_seconds_count", "model", MODEL)).isEqualTo(1);
	}

	@Test
	void requestedModelIsTheLabelAndUserPricesApply() {
		mistral.chat("test-custom-model", "Hi", 1000, 400);
		PrometheusScrape before = scrape();
		this.chatModel.call(new Prompt("Hi", MistralAiChatOptions.builder().model("test-custom-model").build()));
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_requests_total", "model", "test-custom-model", "endpoint",
				"chat.complete", "status", "success"))
			.isEqualTo(1);
		// 1000 x 2.5 + 400 x 7.25 USD per million tokens
		assertThat(costDeltaInPicoUsd(before, after, "test-custom-model")).isEqualTo(5_400_000_000L);
	}

	@Test
	void modelWithoutPriceIsMeteredButGetsNoInventedCost() {
		mistral.chat("test-unpriced-model", "Hi", 30, 4);
		PrometheusScrape before = scrape();
		this.chatModel.call(new Prompt("Hi", MistralAiChatOptions.builder().model("test-unpriced-model").build()));
		PrometheusScrape after = scrape();
		assertThat(delta(before, after, "mistral_tokens_total", "model", "test-unpriced-model", "direction", "input"))
			.isEqualTo(30);
		assertThat(after.matching("mistral_cost_usd_total", "model", "test-unpriced-model")).isEmpty();
	}

	@Test
	void streamIsCountedWithUsageFromItsLastChunkAndTimeToFirstToken() {
		mistral.stream(MODEL, List.of("Bon", "jour", " !"), 21, 9);
		PrometheusScrape before = scrape();
		List<ChatResponse> chunks = this.chatModel.stream(new Prompt("Say hello")).collectList().block();
		PrometheusScrape after = awaitScrape(before, 1, "mistral_requests_total", "endpoint", "chat.stream");
		assertThat(chunks).hasSize(3);
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "endpoint", "chat.stream", "status",
				"success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "endpoint", "chat.complete")).isZero();
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "input")).isEqualTo(21);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "output")).isEqualTo(9);
		assertThat(costDeltaInPicoUsd(before, after, MODEL)).isEqualTo(21 * 100_000L + 9 * 300_000L);
		assertThat(delta(before, after, "mistral_time_to_first_token_seconds_count", "model", MODEL)).isEqualTo(1);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.stream", "status_code", "200"))
			.isEqualTo(1);
	}

	@Test
	void streamThroughChatClientIsMeteredLikeADirectOne() {
		mistral.stream(MODEL, List.of("Hel", "lo"), 5, 2);
		PrometheusScrape before = scrape();
		String content = this.chatClientBuilder.build()
			.prompt("Hi")
			.stream()
			.content()
			.collectList()
			.block()
			.stream()
			.reduce("", String::concat);
		PrometheusScrape after = scrape();
		assertThat(content).isEqualTo("Hello");
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "endpoint", "chat.stream", "status",
				"success"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "input")).isEqualTo(5);
	}

	@Test
	void streamCancelledBySubscriberIsCountedAsCancelled() {
		mistral.stream(MODEL, List.of("one", "two", "three", "four"), 8, 4);
		PrometheusScrape before = scrape();
		Flux<ChatResponse> stream = this.chatModel.stream(new Prompt("Count"));
		assertThat(stream.take(1).collectList().block()).hasSize(1);
		PrometheusScrape after = awaitScrape(before, 1, "mistral_requests_total", "status", "cancelled");
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "endpoint", "chat.stream", "status",
				"cancelled"))
			.isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "endpoint", "chat.stream", "status", "success"))
			.isZero();
	}

	@Test
	void toolCallingLoopCountsEachRoundOnceWhereSpringAiCountsTheFirstRoundTwice() {
		mistral.chatWithToolCall(MODEL, "weather", "{\"city\":\"Paris\"}", new Usage(100, 10), new Usage(150, 20),
				"Sunny");
		WeatherTool tool = new WeatherTool();
		PrometheusScrape before = scrape();
		String answer = this.chatClientBuilder.build().prompt("Weather in Paris?").tools(tool).call().content();
		PrometheusScrape after = scrape();
		assertThat(answer).isEqualTo("Sunny");
		assertThat(tool.calls).isEqualTo(1);
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "endpoint", "chat.complete", "status",
				"success"))
			.isEqualTo(2);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "input")).isEqualTo(250);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "output")).isEqualTo(30);
		assertThat(costDeltaInPicoUsd(before, after, MODEL)).isEqualTo(250 * 100_000L + 30 * 300_000L);
		assertThat(delta(before, after, "gen_ai_client_token_usage_total", "gen_ai_request_model", MODEL,
				"gen_ai_token_type", "input"))
			.as("Spring AI's own counter, which sums cumulative usage")
			.isEqualTo(350);
	}

	@Test
	void streamedToolCallingLoopCountsEachRoundOnce() {
		mistral.streamWithToolCall(MODEL, "weather", "{\"city\":\"Lyon\"}", new Usage(100, 10), new Usage(150, 20),
				List.of("Sun", "ny"));
		WeatherTool tool = new WeatherTool();
		PrometheusScrape before = scrape();
		String answer = this.chatClientBuilder.build()
			.prompt("Weather in Lyon?")
			.tools(tool)
			.stream()
			.content()
			.collectList()
			.block(Duration.ofSeconds(10))
			.stream()
			.reduce("", String::concat);
		PrometheusScrape after = awaitScrape(before, 2, "mistral_requests_total", "endpoint", "chat.stream");
		assertThat(answer).isEqualTo("Sunny");
		assertThat(delta(before, after, "mistral_requests_total", "model", MODEL, "endpoint", "chat.stream", "status",
				"success"))
			.isEqualTo(2);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "input")).isEqualTo(250);
		assertThat(delta(before, after, "mistral_tokens_total", "model", MODEL, "direction", "output")).isEqualTo(30);
		assertThat(delta(before, after, "mistral_attempts_total", "endpoint", "chat.stream", "status_code", "200"))
			.isEqualTo(2);
		assertThat(delta(before, after, "mistral_time_to_first_token_seconds_count", "model", MODEL)).isEqualTo(1);
	}

}
