package io.github.mistralobs.sample.traffic;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.github.mistralobs.sample.chat.MistralAssistant;
import io.github.mistralobs.sample.embedding.TextEmbedder;

/**
 * The mix of calls the traffic generator makes, with their relative weights: mostly small
 * chats, some large ones, streams (a few abandoned early), tool calls and embeddings.
 *
 * @param name what the scenario does, for logs
 * @param weight relative frequency
 * @param call the call itself
 */
record TrafficScenario(String name, int weight, Call call) {

	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(2);

	static List<TrafficScenario> all(MistralAssistant assistant, TextEmbedder embedder) {
		return List.of(
				new TrafficScenario("small chat", 35,
						() -> assistant.answer("mistral-small-latest", "Summarise why metrics matter.")),
				new TrafficScenario("large chat", 10,
						() -> assistant.answer("mistral-large-latest", "Draft a short incident review.")),
				new TrafficScenario("code chat", 6,
						() -> assistant.answer("codestral-latest", "Write a function that adds two numbers.")),
				new TrafficScenario("small stream", 16,
						() -> assistant.stream("mistral-small-latest", "Tell a short story.")
							.blockLast(STREAM_TIMEOUT)),
				new TrafficScenario("large stream", 6,
						() -> assistant.stream("mistral-large-latest", "Explain backpressure.")
							.blockLast(STREAM_TIMEOUT)),
				new TrafficScenario("abandoned stream", 2,
						() -> assistant.stream("mistral-small-latest", "Count to one hundred.")
							.take(2)
							.blockLast(STREAM_TIMEOUT)),
				new TrafficScenario("tool call", 6,
						() -> assistant.answerWithTools("mistral-large-latest", "What is the temperature in Paris?")),
				new TrafficScenario("embedding", 19,
						() -> embedder.embed("mistral-embed", "Observability for language model calls.")));
	}

	static TrafficScenario pick(List<TrafficScenario> scenarios) {
		int total = scenarios.stream().mapToInt(TrafficScenario::weight).sum();
		int dice = ThreadLocalRandom.current().nextInt(total);
		for (TrafficScenario scenario : scenarios) {
			dice -= scenario.weight();
			if (dice < 0) {
				return scenario;
			}
		}
		return scenarios.get(scenarios.size() - 1);
	}

	/**
	 * One call to Mistral; its result is thrown away.
	 */
	@FunctionalInterface
	interface Call {

		Object run();

	}

}
