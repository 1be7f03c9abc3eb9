package io.github.mistralobs.sample.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * Answers {@code /v1/embeddings} with one random 1024-dimension vector per input and
 * usage that counts only input tokens.
 */
final class EmbeddingSimulation {

	private static final int DIMENSIONS = 1024;

	private final double latencyScale;

	EmbeddingSimulation(double latencyScale) {
		this.latencyScale = latencyScale;
	}

	ResponseDefinition respond(JsonNode request, SimulatedOutcome outcome) {
		List<String> inputs = inputs(request.path("input"));
		ObjectNode response = JsonNodeFactory.instance.objectNode();
		response.put("id", UUID.randomUUID().toString().replace("-", ""));
		response.put("object", "list");
		response.put("created", Instant.now().getEpochSecond());
		response.put("model", request.path("model").asText("mistral-embed"));
		ArrayNode data = response.putArray("data");
		int promptTokens = 0;
		for (int index = 0; index < inputs.size(); index++) {
			promptTokens += SimulatedText.estimateTokens(inputs.get(index));
			ObjectNode embedding = data.addObject();
			embedding.put("object", "embedding");
			embedding.put("index", index);
			fillVector(embedding.putArray("embedding"));
		}
		response.set("usage", new SimulatedUsage(promptTokens, 0).toJson());
		double delay = (60 + 2.0 * promptTokens) * this.latencyScale * outcome.slowdown();
		return ResponseDefinitionBuilder.responseDefinition()
			.withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(response.toString())
			.withFixedDelay((int) Math.round(delay))
			.build();
	}

	private static List<String> inputs(JsonNode input) {
		List<String> inputs = new ArrayList<>();
		if (input.isArray()) {
			input.forEach((item) -> inputs.add(item.asText()));
		}
		else {
			inputs.add(input.asText());
		}
		return inputs;
	}

	private static void fillVector(ArrayNode vector) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < DIMENSIONS; i++) {
			vector.add(Math.round(random.nextDouble(-1, 1) * 10000) / 10000.0);
		}
	}

}
