package io.github.mistralobs.observability.test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A WireMock server that answers like the Mistral API: chat completions as JSON or as
 * server-sent events, tool calls, embeddings, error statuses and connection faults. One
 * server serves every test in the JVM, so that Spring's test context is shared.
 */
public final class MistralApiStub {

	public static final String CHAT_PATH = "/v1/chat/completions";

	public static final String EMBEDDINGS_PATH = "/v1/embeddings";

	private static final MistralApiStub shared = new MistralApiStub();

	private final WireMockServer server;

	private MistralApiStub() {
		this.server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this.server::stop));
	}

	/**
	 * Return the server shared by all tests, started on first use.
	 * @return the stub
	 */
	public static MistralApiStub shared() {
		return shared;
	}

	public String baseUrl() {
		return this.server.baseUrl();
	}

	public WireMockServer server() {
		return this.server;
	}

	public void reset() {
		this.server.resetAll();
	}

	/**
	 * Answer chat requests for a model with a whole completion.
	 */
	public void chat(String model, String content, int promptTokens, int completionTokens) {
		this.server.stubFor(
				chatRequest(model, false).willReturn(json(completion(model, content, promptTokens, completionTokens))));
	}

	/**
	 * Answer chat requests for a model with a whole completion and extra headers, such as
	 * rate limits.
	 */
	public void chat(String model, String content, int promptTokens, int completionTokens,
			Map<String, String> headers) {
		ResponseDefinitionBuilder response = json(completion(model, content, promptTokens, completionTokens));
		headers.forEach(response::withHeader);
		this.server.stubFor(chatRequest(model, false).willReturn(response));
	}

	/**
	 * Answer the first round of a tool-calling loop with a tool call, and the round that
	 * carries the tool's result with a final answer.
	 */
	public void chatWithToolCall(String model, String toolName, String arguments, Usage first, Usage second,
			String finalContent) {
		this.server.stubFor(chatRequest(model, false).atPriority(5)
			.willReturn(json(toolCallCompletion(model, toolName, arguments, first))));
		this.server.stubFor(chatRequest(model, false).atPriority(1)
			.withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
			.willReturn(json(completion(model, finalContent, second.prompt(), second.completion()))));
	}

	/**
	 * Answer streamed chat requests for a model with the given content chunks, the last
	 * of which carries the usage.
	 */
	public void stream(String model, List<String> chunks, int promptTokens, int completionTokens) {
		this.server.stubFor(chatRequest(model, true)
			.willReturn(sse(streamEvents(model, chunks, new Usage(promptTokens, completionTokens)))));
	}

	/**
	 * Answer the rounds of a streamed tool-calling loop.
	 */
	public void streamWithToolCall(String model, String toolName, String arguments, Usage first, Usage second,
			List<String> finalChunks) {
		String toolCall = "data: " + chunk(model,
				"{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[" + toolCallJson(toolName, arguments) + "]}",
				"\"tool_calls\"", first) + "\n\ndata: [DONE]\n\n";
		this.server.stubFor(chatRequest(model, true).atPriority(5).willReturn(sse(toolCall)));
		this.server.stubFor(chatRequest(model, true).atPriority(1)
			.withRequestBody(matchingJsonPath("$.messages[?(@.role == 'tool')]"))
			.willReturn(sse(streamEvents(model, finalChunks, second))));
	}

	/**
	 * Answer embedding requests for a model.
	 */
	public void embeddings(String model, int promptTokens) {
		String body = "{\"id\":\"emb-1\",\"object\":\"list\",\"model\":\"" + model + "\",\"data\":[{\"object\":"
				+ "\"embedding\",\"index\":0,\"embedding\":[0.1,0.2,0.3]}],\"usage\":{\"prompt_tokens\":" + promptTokens
				+ ",\"completion_tokens\":0,\"total_tokens\":" + promptTokens + "}}";
		this.server.stubFor(post(EMBEDDINGS_PATH).withRequestBody(matchingJsonPath("$.model", containing(model)))
			.willReturn(json(body)));
	}

	/**
	 * Answer chat requests for a model with an error status and Mistral's error body.
	 */
	public void chatError(String model, boolean stream, int status, String message) {
		this.server.stubFor(chatRequest(model, stream).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"object\":\"error\",\"message\":\"" + message + "\",\"type\":\"invalid_request_error\","
					+ "\"param\":null,\"code\":\"" + status + "\"}")));
	}

	/**
	 * Break the connection on chat requests for a model.
	 */
	public void chatFault(String model, boolean stream, Fault fault) {
		this.server.stubFor(chatRequest(model, stream).willReturn(aResponse().withFault(fault)));
	}

	/**
	 * Answer a model's chat requests with each response in turn, the last one for good.
	 */
	public void chatSequence(String model, List<ResponseDefinitionBuilder> responses) {
		String scenario = "sequence-" + model;
		for (int i = 0; i < responses.size(); i++) {
			String state = (i == 0) ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "step-" + i;
			ScenarioMappingBuilder mapping = chatRequest(model, false).inScenario(scenario).whenScenarioStateIs(state);
			if (i + 1 < responses.size()) {
				mapping = mapping.willSetStateTo("step-" + (i + 1));
			}
			this.server.stubFor(mapping.willReturn(responses.get(i)));
		}
	}

	/**
	 * Answer a model's chat requests, whole or streamed, with the given response: a
	 * delay, a fault, a body cut short or anything else.
	 */
	public void answer(String model, boolean stream, ResponseDefinitionBuilder response) {
		this.server.stubFor(chatRequest(model, stream).willReturn(response));
	}

	/**
	 * Answer chat requests for any model, or none, with a whole completion that names no
	 * model, at a lower priority than the stubs for named models.
	 */
	public void chatForAnyModel(String content, int promptTokens, int completionTokens) {
		this.server.stubFor(post(CHAT_PATH).atPriority(10)
			.withRequestBody(matchingJsonPath("$.stream", containing("false")))
			.willReturn(json(completion(null, content, promptTokens, completionTokens))));
	}

	/**
	 * Answer streamed chat requests for any model, or none, at a lower priority than the
	 * stubs for named models.
	 */
	public void streamForAnyModel(List<String> chunks, int promptTokens, int completionTokens) {
		this.server.stubFor(post(CHAT_PATH).atPriority(10)
			.withRequestBody(matchingJsonPath("$.stream", containing("true")))
			.willReturn(sse(streamEvents(null, chunks, new Usage(promptTokens, completionTokens)))));
	}

	/**
	 * Answer chat requests for a model with a whole completion that carries no usage.
	 */
	public void chatWithoutUsage(String model, String content) {
		this.server.stubFor(chatRequest(model, false).willReturn(json(completion(model, content, null))));
	}

	/**
	 * Answer streamed chat requests for a model with chunks none of which carries usage.
	 */
	public void streamWithoutUsage(String model, List<String> chunks) {
		this.server.stubFor(chatRequest(model, true).willReturn(sse(streamEvents(model, chunks, null))));
	}

	public static ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	public static ResponseDefinitionBuilder sse(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
	}

	public static String completion(String model, String content, int promptTokens, int completionTokens) {
		return completion(model, content, new Usage(promptTokens, completionTokens));
	}

	/**
	 * Return a whole completion; with no model, the field is left out, and with no usage
	 * too.
	 */
	public static String completion(String model, String content, Usage usage) {
		return "{\"id\":\"cmpl-1\",\"object\":\"chat.completion\",\"created\":1764700000," + modelJson(model)
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content
				+ "\"},\"finish_reason\":\"stop\"}]" + ((usage != null) ? "," + usageJson(usage) : "") + "}";
	}

	/**
	 * Return the server-sent events of a stream: one chunk per content, the last of which
	 * carries the usage if there is one, then {@code [DONE]}.
	 */
	public static String streamEvents(String model, List<String> chunks, Usage usage) {
		StringBuilder events = new StringBuilder();
		for (int i = 0; i < chunks.size(); i++) {
			boolean last = i == chunks.size() - 1;
			String delta = "{\"role\":\"assistant\",\"content\":\"" + chunks.get(i) + "\"}";
			events.append("data: ")
				.append(chunk(model, delta, last ? "\"stop\"" : "null", last ? usage : null))
				.append("\n\n");
		}
		return events.append("data: [DONE]\n\n").toString();
	}

	private static MappingBuilder chatRequest(String model, boolean stream) {
		return post(CHAT_PATH).withRequestBody(matchingJsonPath("$.model", containing(model)))
			.withRequestBody(matchingJsonPath("$.stream", containing(Boolean.toString(stream))));
	}

	private static String toolCallCompletion(String model, String toolName, String arguments, Usage usage) {
		return "{\"id\":\"cmpl-tool\",\"object\":\"chat.completion\",\"created\":1764700000,\"model\":\"" + model
				+ "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":["
				+ toolCallJson(toolName, arguments) + "]},\"finish_reason\":\"tool_calls\"}]," + usageJson(usage) + "}";
	}

	private static String toolCallJson(String toolName, String arguments) {
		return "{\"id\":\"call0001\",\"type\":\"function\",\"function\":{\"name\":\"" + toolName + "\",\"arguments\":\""
				+ arguments.replace("\"", "\\\"") + "\"}}";
	}

	private static String chunk(String model, String delta, String finishReason, Usage usage) {
		return "{\"id\":\"chunk-1\",\"object\":\"chat.completion.chunk\",\"created\":1764700000," + modelJson(model)
				+ "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]"
				+ ((usage != null) ? "," + usageJson(usage) : "") + "}";
	}

	private static String modelJson(String model) {
		return (model != null) ? "\"model\":\"" + model + "\"," : "";
	}

	private static String usageJson(Usage usage) {
		return "\"usage\":{\"prompt_tokens\":" + usage.prompt() + ",\"completion_tokens\":" + usage.completion()
				+ ",\"total_tokens\":" + (usage.prompt() + usage.completion()) + "}";
	}

	/**
	 * Tokens of one answer.
	 */
	public record Usage(int prompt, int completion) {

		@Override
		public String toString() {
			return List.of(this.prompt, this.completion).stream().map(String::valueOf).collect(Collectors.joining("/"));
		}

	}

}
