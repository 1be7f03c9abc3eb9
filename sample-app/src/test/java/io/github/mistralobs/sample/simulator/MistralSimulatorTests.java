package io.github.mistralobs.sample.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link MistralSimulator}, called over plain HTTP as a Mistral client would.
 */
class MistralSimulatorTests {

	private static final SimulatorSettings NO_FAULTS = new SimulatorSettings(0, 0, 0, 0, 0.01);

	private final HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final ObjectMapper objectMapper = new ObjectMapper();

	private MistralSimulator simulator;

	@AfterEach
	void stopSimulator() {
		if (this.simulator != null) {
			this.simulator.stop();
		}
	}

	@Test
	void chatCompletionReturnsAnAnswerWithUsage() throws Exception {
		this.simulator = MistralSimulator.start(NO_FAULTS);
		HttpResponse<String> response = post("/v1/chat/completions", """
				{"model":"mistral-large-latest","messages":[{"role":"user","content":"Hello there"}]}""");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode completion = this.objectMapper.readTree(response.body());
		assertThat(completion.path("model").asText()).isEqualTo("mistral-large-latest");
		assertThat(completion.at("/choices/0/message/content").asText()).isNotBlank();
		assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
		assertThat(completion.at("/usage/prompt_tokens").asInt()).isPositive();
		assertThat(completion.at("/usage/completion_tokens").asInt()).isPositive();
		assertThat(completion.at("/usage/total_tokens").asInt()).isEqualTo(
				completion.at("/usage/prompt_tokens").asInt() + completion.at("/usage/completion_tokens").asInt());
	}

	@Test
	void streamSendsChunksWithUsageInTheLastOneThenDone() throws Exception {
		this.simulator = MistralSimulator.start(NO_FAULTS);
		HttpResponse<String> response = post("/v1/chat/completions", """
				{"model":"mistral-small-latest","stream":true,"messages":[{"role":"user","content":"Hi"}]}""");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
		List<String> events = Arrays.stream(response.body().split("\n\n")).toList();
		assertThat(events).allMatch((event) -> event.startsWith("data: ")).last().isEqualTo("data: [DONE]");
		assertThat(events).hasSizeGreaterThan(3);
		JsonNode last = this.objectMapper.readTree(events.get(events.size() - 2).substring(6));
		assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
		assertThat(last.at("/usage/completion_tokens").asInt()).isPositive();
		for (String event : events.subList(0, events.size() - 2)) {
			JsonNode chunk = this.objectMapper.readTree(event.substring(6));
			assertThat(chunk.has("usage")).isFalse();
			assertThat(chunk.at("/choices/0/finish_reason").isNull()).isTrue();
		}
	}

	@Test
	void requestWithToolsGetsAToolCallWithArgumentsFromTheSchema() throws Exception {
		this.simulator = MistralSimulator.start(NO_FAULTS);
		HttpResponse<String> response = post("/v1/chat/completions", """
				{"model":"mistral-large-latest","messages":[{"role":"user","content":"Weather?"}],
				 "tools":[{"type":"function","function":{"name":"currentTemperature",
				 "parameters":{"type":"object","properties":{"city":{"type":"string"}}}}}]}""");
		JsonNode completion = this.objectMapper.readTree(response.body());
		assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("tool_calls");
		JsonNode call = completion.at("/choices/0/message/tool_calls/0/function");
		assertThat(call.path("name").asText()).isEqualTo("currentTemperature");
		assertThat(this.objectMapper.readTree(call.path("arguments").asText()).has("city")).isTrue();
	}

	@Test
	void embeddingsReturnOneVectorPerInput() throws Exception {
		this.simulator = MistralSimulator.start(NO_FAULTS);
		HttpResponse<String> response = post("/v1/embeddings", """
				{"model":"mistral-embed","input":["first text","second text"]}""");
		JsonNode list = this.objectMapper.readTree(response.body());
		assertThat(list.path("data")).hasSize(2);
		assertThat(list.at("/data/1/embedding")).hasSize(1024);
		assertThat(list.at("/usage/prompt_tokens").asInt()).isPositive();
		assertThat(list.at("/usage/completion_tokens").asInt()).isZero();
	}

	@Test
	void requestWithoutApiKeyIsUnauthorized() throws Exception {
		this.simulator = MistralSimulator.start(NO_FAULTS);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + "/v1/embeddings"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"input\":\"x\"}"))
			.build();
		HttpResponse<String> response = this.httpClient.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.objectMapper.readTree(response.body()).path("type").asText()).isEqualTo("authentication_error");
	}

	@Test
	void rateLimitedRatioOfOneAnswersEveryRequestWith429() throws Exception {
		this.simulator = MistralSimulator.start(new SimulatorSettings(1, 0, 0, 0, 0.01));
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> response = post("/v1/embeddings", "{\"input\":\"x\"}");
			assertThat(response.statusCode()).isEqualTo(429);
			assertThat(response.headers().firstValue("x-ratelimit-remaining-req-minute")).hasValue("0");
			assertThat(this.objectMapper.readTree(response.body()).path("type").asText()).isEqualTo("rate_limit_error");
		}
	}

	@Test
	void everyAnswerSpendsOneRequestOfTheMinutesBudget() throws Exception {
		this.simulator = MistralSimulator.start(NO_FAULTS);
		HttpResponse<String> first = post("/v1/embeddings", "{\"input\":\"x\"}");
		HttpResponse<String> second = post("/v1/embeddings", "{\"input\":\"x\"}");
		assertThat(first.headers().firstValue("x-ratelimit-limit-req-minute")).hasValue("120");
		long firstRemaining = Long.parseLong(first.headers().firstValue("x-ratelimit-remaining-req-minute").get());
		long secondRemaining = Long.parseLong(second.headers().firstValue("x-ratelimit-remaining-req-minute").get());
		assertThat(secondRemaining).isIn(firstRemaining - 1, 119L);
	}

	@Test
	void serverErrorRatioOfOneAnswersEveryRequestWithA5xx() throws Exception {
		this.simulator = MistralSimulator.start(new SimulatorSettings(0, 1, 0, 0, 0.01));
		for (int i = 0; i < 5; i++) {
			assertThat(post("/v1/embeddings", "{\"input\":\"x\"}").statusCode()).isIn(500, 502, 503);
		}
	}

	@Test
	void stopReleasesThePort() {
		this.simulator = MistralSimulator.start(NO_FAULTS);
		String baseUrl = this.simulator.baseUrl();
		this.simulator.stop();
		assertThat(this.simulator.isRunning()).isFalse();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/embeddings")).GET().build();
		assertThatIOException().isThrownBy(() -> this.httpClient.send(request, HttpResponse.BodyHandlers.discarding()));
	}

	private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.simulator.baseUrl() + path))
			.header("Authorization", "Bearer test-key")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.httpClient.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
