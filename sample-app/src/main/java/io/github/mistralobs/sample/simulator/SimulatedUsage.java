package io.github.mistralobs.sample.simulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Token usage of one simulated answer, rendered the way Mistral reports it.
 *
 * @param promptTokens tokens read from the request
 * @param completionTokens tokens generated in the answer
 */
record SimulatedUsage(int promptTokens, int completionTokens) {

	ObjectNode toJson() {
		ObjectNode usage = JsonNodeFactory.instance.objectNode();
		usage.put("prompt_tokens", this.promptTokens);
		usage.put("completion_tokens", this.completionTokens);
		usage.put("total_tokens", this.promptTokens + this.completionTokens);
		return usage;
	}

}
