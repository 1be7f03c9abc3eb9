package io.github.mistralobs.sample.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * WireMock extension that plays the Mistral API: checks the bearer token, rolls the
 * outcome, then hands the request to the chat or embedding simulation.
 */
final class SimulatedMistralTransformer implements ResponseDefinitionTransformerV2 {

	static final String NAME = "simulated-mistral";

	private final ObjectMapper objectMapper = new ObjectMapper();

	private final SimulatorSettings settings;

	private final ChatCompletionSimulation chat;

	private final EmbeddingSimulation embeddings;

	private final SimulatedRateLimit rateLimit = new SimulatedRateLimit();

	SimulatedMistralTransformer(SimulatorSettings settings) {
		this.settings = settings;
		this.chat = new ChatCompletionSimulation(settings.latencyScale());
		this.embeddings = new EmbeddingSimulation(settings.latencyScale());
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		return this.rateLimit.spend(answer(serveEvent), System.currentTimeMillis());
	}

	private ResponseDefinition answer(ServeEvent serveEvent) {
		Request request = serveEvent.getRequest();
		if (!hasBearerToken(request)) {
			return SimulatedErrors.unauthorized();
		}
		SimulatedOutcome outcome = SimulatedOutcome.roll(this.settings);
		if (outcome.isFailure()) {
			return SimulatedErrors.forOutcome(outcome, this.settings.latencyScale());
		}
		JsonNode body;
		try {
			body = this.objectMapper.readTree(request.getBodyAsString());
		}
		catch (JsonProcessingException ex) {
			return SimulatedErrors.badRequest("Request body is not valid JSON");
		}
		if (request.getUrl().startsWith(MistralSimulator.EMBEDDINGS_PATH)) {
			return this.embeddings.respond(body, outcome);
		}
		return this.chat.respond(body, outcome);
	}

	private static boolean hasBearerToken(Request request) {
		String authorization = request.getHeader("Authorization");
		return authorization != null && authorization.startsWith("Bearer ") && authorization.length() > 7;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return NAME;
	}

}
