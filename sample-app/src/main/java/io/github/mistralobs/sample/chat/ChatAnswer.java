package io.github.mistralobs.sample.chat;

import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * What the chat endpoints return: the reply and the tokens it cost.
 *
 * @param model the model asked
 * @param content the reply text
 * @param promptTokens input tokens reported by Mistral
 * @param completionTokens output tokens reported by Mistral
 */
public record ChatAnswer(String model, String content, Integer promptTokens, Integer completionTokens) {

	static ChatAnswer from(String model, ChatResponse response) {
		Usage usage = response.getMetadata().getUsage();
		String content = response.getResult().getOutput().getText();
		return new ChatAnswer(model, (content != null) ? content : "", usage.getPromptTokens(),
				usage.getCompletionTokens());
	}

}
