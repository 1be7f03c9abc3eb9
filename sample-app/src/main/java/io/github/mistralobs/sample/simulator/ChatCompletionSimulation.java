package io.github.mistralobs.sample.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import org.springframework.lang.Nullable;

/**
 * Answers {@code /v1/chat/completions}: a JSON completion or an SSE stream whose last
 * chunk carries {@code finish_reason} and {@code usage}, followed by {@code [DONE]}. When
 * the request offers tools and the user spoke last, the model asks for a tool call.
 */
final class ChatCompletionSimulation {

	private static final int WORDS_PER_CHUNK = 3;

	private static final int MAX_DRIBBLE_CHUNKS = 40;

	private final double latencyScale;

	ChatCompletionSimulation(double latencyScale) {
		this.latencyScale = latencyScale;
	}

	ResponseDefinition respond(JsonNode request, SimulatedOutcome outcome) {
		String model = request.path("model").asText("mistral-small-latest");
		ModelProfile profile = ModelProfile.forModel(model);
		JsonNode tool = requestedToolCall(request);
		int outputTokens = (tool != null) ? 24 : profile.pickOutputTokens();
		SimulatedUsage usage = new SimulatedUsage(promptTokens(request), outputTokens);
		Answer answer = (tool != null) ? Answer.toolCall(tool) : Answer.text(reply(request, outputTokens));
		double scale = this.latencyScale * outcome.slowdown();
		Duration firstToken = profile.timeToFirstToken(scale);
		Duration generation = profile.generationTime(outputTokens, scale);
		if (request.path("stream").asBoolean(false)) {
			return stream(model, answer, usage, firstToken, generation);
		}
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(completion(model, answer, usage).toString())
			.withFixedDelay((int) firstToken.plus(generation).toMillis())
			.build();
	}

	private ResponseDefinition stream(String model, Answer answer, SimulatedUsage usage, Duration firstToken,
			Duration generation) {
		String id = newId();
		List<String> events = new ArrayList<>();
		events.add(chunk(id, model, delta("assistant", ""), null, null));
		if (answer.toolCall() != null) {
			ObjectNode delta = delta(null, "");
			delta.putArray("tool_calls").add(answer.toolCall());
			events.add(chunk(id, model, delta, "tool_calls", usage));
		}
		else {
			List<String> words = answer.words();
			for (int start = 0; start < words.size(); start += WORDS_PER_CHUNK) {
				int end = Math.min(words.size(), start + WORDS_PER_CHUNK);
				String text = ((start > 0) ? " " : "") + String.join(" ", words.subList(start, end));
				boolean last = end == words.size();
				events.add(chunk(id, model, delta(null, text), last ? "stop" : null, last ? usage : null));
			}
		}
		events.add("[DONE]");
		StringBuilder body = new StringBuilder();
		events.forEach((event) -> body.append("data: ").append(event).append("\n\n"));
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(200)
			.withHeader("Content-Type", "text/event-stream")
			.withHeader("Cache-Control", "no-cache")
			.withBody(body.toString())
			.withFixedDelay((int) firstToken.toMillis())
			.withChunkedDribbleDelay(Math.min(events.size(), MAX_DRIBBLE_CHUNKS), (int) generation.toMillis())
			.build();
	}

	private ObjectNode completion(String model, Answer answer, SimulatedUsage usage) {
		ObjectNode message = JsonNodeFactory.instance.objectNode();
		message.put("role", "assistant");
		if (answer.toolCall() != null) {
			message.put("content", "");
			message.putArray("tool_calls").add(answer.toolCall());
		}
		else {
			message.put("content", String.join(" ", answer.words()));
		}
		ObjectNode choice = JsonNodeFactory.instance.objectNode();
		choice.put("index", 0);
		choice.set("message", message);
		choice.put("finish_reason", (answer.toolCall() != null) ? "tool_calls" : "stop");
		ObjectNode completion = envelope(newId(), "chat.completion", model);
		completion.putArray("choices").add(choice);
		completion.set("usage", usage.toJson());
		return completion;
	}

	private String chunk(String id, String model, ObjectNode delta, @Nullable String finishReason,
			@Nullable SimulatedUsage usage) {
		ObjectNode choice = JsonNodeFactory.instance.objectNode();
		choice.put("index", 0);
		choice.set("delta", delta);
		choice.put("finish_reason", finishReason);
		ObjectNode chunk = envelope(id, "chat.completion.chunk", model);
		chunk.putArray("choices").add(choice);
		if (usage != null) {
			chunk.set("usage", usage.toJson());
		}
		return chunk.toString();
	}

	private static ObjectNode envelope(String id, String object, String model) {
		ObjectNode envelope = JsonNodeFactory.instance.objectNode();
		envelope.put("id", id);
		envelope.put("object", object);
		envelope.put("created", Instant.now().getEpochSecond());
		envelope.put("model", model);
		return envelope;
	}

	private static ObjectNode delta(@Nullable String role, String content) {
		ObjectNode delta = JsonNodeFactory.instance.objectNode();
		if (role != null) {
			delta.put("role", role);
		}
		delta.put("content", content);
		return delta;
	}

	private static List<String> reply(JsonNode request, int outputTokens) {
		List<String> words = new ArrayList<>();
		JsonNode messages = request.path("messages");
		JsonNode last = messages.path(messages.size() - 1);
		if ("tool".equals(last.path("role").asText())) {
			words.add("According to the tool, " + last.path("content").asText() + ".");
		}
		words.addAll(SimulatedText.words(outputTokens));
		return words;
	}

	private static int promptTokens(JsonNode request) {
		int tokens = 0;
		for (JsonNode message : request.path("messages")) {
			JsonNode content = message.path("content");
			tokens += 4 + SimulatedText.estimateTokens(content.isTextual() ? content.asText() : content.toString());
		}
		JsonNode tools = request.path("tools");
		return tokens + (tools.isMissingNode() ? 0 : SimulatedText.estimateTokens(tools.toString()));
	}

	private static @Nullable JsonNode requestedToolCall(JsonNode request) {
		JsonNode tools = request.path("tools");
		JsonNode messages = request.path("messages");
		if (!tools.isArray() || tools.isEmpty() || messages.isEmpty()) {
			return null;
		}
		if (!"user".equals(messages.get(messages.size() - 1).path("role").asText())) {
			return null;
		}
		JsonNode function = tools.get(0).path("function");
		ObjectNode call = JsonNodeFactory.instance.objectNode();
		call.put("id", UUID.randomUUID().toString().substring(0, 9));
		call.put("type", "function");
		call.put("index", 0);
		ObjectNode invocation = call.putObject("function");
		invocation.put("name", function.path("name").asText());
		invocation.put("arguments", sampleArguments(function.path("parameters").path("properties")).toString());
		return call;
	}

	private static ObjectNode sampleArguments(JsonNode properties) {
		ObjectNode arguments = JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> property : properties.properties()) {
			switch (property.getValue().path("type").asText()) {
				case "integer", "number" -> arguments.put(property.getKey(), 3);
				case "boolean" -> arguments.put(property.getKey(), true);
				default -> arguments.put(property.getKey(), "Paris");
			}
		}
		return arguments;
	}

	private static String newId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * The content of an answer: either words of text or one tool call.
	 */
	private record Answer(List<String> words, @Nullable JsonNode toolCall) {

		static Answer text(List<String> words) {
			return new Answer(words, null);
		}

		static Answer toolCall(JsonNode call) {
			return new Answer(List.of(), call);
		}

	}

}
