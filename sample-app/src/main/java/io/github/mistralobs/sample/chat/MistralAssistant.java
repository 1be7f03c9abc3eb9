package io.github.mistralobs.sample.chat;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.mistralai.MistralAiChatOptions;
import org.springframework.stereotype.Service;

/**
 * The chat calls this application makes: a plain completion, a stream and a completion
 * that lets the model call {@link WeatherTools}.
 */
@Service
public class MistralAssistant {

	private final ChatClient chatClient;

	private final WeatherTools weatherTools = new WeatherTools();

	public MistralAssistant(ChatClient.Builder chatClientBuilder) {
		this.chatClient = chatClientBuilder.build();
	}

	public ChatAnswer answer(String model, String message) {
		ChatResponse response = this.chatClient.prompt().user(message).options(options(model)).call().chatResponse();
		return ChatAnswer.from(model, response);
	}

	public Flux<String> stream(String model, String message) {
		return this.chatClient.prompt().user(message).options(options(model)).stream().content();
	}

	public ChatAnswer answerWithTools(String model, String message) {
		ChatResponse response = this.chatClient.prompt()
			.user(message)
			.options(options(model))
			.tools(this.weatherTools)
			.call()
			.chatResponse();
		return ChatAnswer.from(model, response);
	}

	private static MistralAiChatOptions options(String model) {
		return MistralAiChatOptions.builder().model(model).build();
	}

}
